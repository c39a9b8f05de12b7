/**
 * Who is in a room, per user across devices, and who is typing: state plus the notices that change
 * it, with a grace period against reconnect flapping and server-side expiry of typing indicators.
 */
package io.switchboard.presence;
