/**
 * Backends' messages from NATS JetStream into the hub: one durable consumer, each message routed
 * through the backend publishing service and acknowledged only once the hub accepted it.
 */
package io.switchboard.bridge.inbound;
