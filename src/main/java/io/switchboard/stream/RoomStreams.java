package io.switchboard.stream;

/**
 * Every room's {@link RoomStream}. A stream is created on first use with a fresh epoch and may be
 * evicted when the configured number of streams is exceeded; using the room again creates a new
 * stream with a new epoch, so clients learn that history was lost.
 */
public interface RoomStreams {

  RoomStream of(String roomId);
}
