package io.switchboard.stream;

import io.switchboard.protocol.Frame;
import java.util.List;

/**
 * What a joiner is sent from a stream's history: the frames, oldest first, exactly as they were
 * delivered live; the stream's {@code epoch} and last sequence number {@code seq} when it joined
 * (live messages continue at {@code seq + 1}); and whether the replay provably continues the
 * position the joiner gave.
 */
public record Replay(String epoch, long seq, Continuity continuity, List<Frame> frames) {

  public Replay {
    frames = List.copyOf(frames);
  }
}
