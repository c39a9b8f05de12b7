package io.switchboard.stream;

/**
 * A point in a room's stream: the last message a client saw, by the stream's {@code epoch} and the
 * message's {@code seq}. Sequence numbers start at 1; {@code seq} 0 means "before the first
 * message".
 */
public record Position(String epoch, long seq) {}
