package io.switchboard.stream;

/**
 * The outcome of a publish: the message's sequence number in the stream {@code epoch}, and whether
 * it was a retry of a message already published within the dedup window (then nothing was sent
 * again and {@code seq} is the first attempt's).
 */
public record Published(long seq, String epoch, boolean duplicate) {}
