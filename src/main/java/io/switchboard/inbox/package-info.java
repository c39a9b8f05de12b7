/**
 * Inboxes for users who are away: messages a backend sent with {@code persist: true}, kept per user
 * until a connection of the user acknowledges them.
 */
package io.switchboard.inbox;
