package io.switchboard.backend;

import io.switchboard.stream.Continuity;
import java.util.List;

/**
 * A room's kept messages, as a joiner would be replayed them.
 *
 * @param epoch the stream's epoch now
 * @param seq the stream's last sequence number now
 * @param continuity whether the messages continue the position asked for ({@link
 *     Continuity#NOT_ASKED} when none was)
 * @param frames the {@code room.broadcast} envelopes, oldest first, byte for byte as delivered
 */
public record RoomHistory(
    String roomId, String epoch, long seq, Continuity continuity, List<String> frames) {

  public RoomHistory {
    frames = List.copyOf(frames);
  }
}
