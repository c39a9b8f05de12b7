package io.switchboard.backend;

/**
 * A message a backend published into a room's stream: its place in it, and whether it was a retry
 * of one already published within the dedup window (then nothing was sent again and {@code seq} is
 * the first attempt's).
 */
public record RoomPublished(String roomId, long seq, String epoch, boolean duplicate) {}
