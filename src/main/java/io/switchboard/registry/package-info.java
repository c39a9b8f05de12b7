/**
 * Live connections, the users and rooms they belong to, and the single-writer delivery to each
 * socket.
 */
package io.switchboard.registry;
