package io.switchboard.bridge;

import io.nats.client.Connection;

/**
 * CDI event: the NATS connection is (again) established. Fired on a client thread after the first
 * connect and after every reconnect, so observers can set up what they need on the server side.
 */
public record NatsReady(Connection connection) {}
