/**
 * The WebSocket boundary: the {@code /ws} endpoint, connection lifecycle and the dispatch of client
 * requests.
 */
package io.switchboard.endpoint;
