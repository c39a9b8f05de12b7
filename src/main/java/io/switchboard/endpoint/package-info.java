/**
 * The WebSocket boundary: the {@code /ws} endpoint, the opening and closing of a connection, and
 * the only code that writes to a container's session.
 */
package io.switchboard.endpoint;
