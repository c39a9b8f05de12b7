/**
 * The NATS bridge: backends push to rooms, users and groups over NATS (JetStream, at least once),
 * and clients' app messages reach backends over NATS, request/reply included.
 */
package io.switchboard.bridge;
