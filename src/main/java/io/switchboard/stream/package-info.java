/**
 * Each room's message stream: the sequence numbers and epoch every room message carries, the
 * bounded history a joiner is replayed from, and the window in which a retried publish is
 * recognised.
 */
package io.switchboard.stream;
