/**
 * What a client can ask for: the dispatcher that checks size, rate and message rules and routes a
 * decoded frame by type, and one handler per family of commands (rooms, presence, direct messages,
 * token refresh).
 */
package io.switchboard.command;
