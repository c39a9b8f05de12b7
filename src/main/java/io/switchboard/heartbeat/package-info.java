/**
 * Finding dead and idle peers: one periodic sweep on the managed scheduler pings, measures and
 * closes.
 */
package io.switchboard.heartbeat;
