package io.switchboard.stream;

import io.switchboard.protocol.Frame;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One room's ordered message stream. Its contract, which every implementation (in memory, or one
 * shared by a cluster) must keep:
 *
 * <ul>
 *   <li>Sequence numbers start at 1 and only grow, by one per message, within an epoch.
 *   <li>The epoch is a fresh random value whenever the stream is created; a stream that lost
 *       history any other way than by its documented bounds (count, age) gets a new epoch.
 *   <li>Messages are delivered in sequence order: {@code deliver} for a message completes before
 *       the next message's {@code deliver} starts, and never overlaps an {@link #attach}.
 *   <li>A publish key seen within the dedup window is not sequenced or delivered again; the retry
 *       gets the first attempt's sequence number.
 *   <li>A replay never misses a message silently: it either holds every message after the joiner's
 *       position, or its {@link Continuity} says why it cannot.
 * </ul>
 */
public interface RoomStream {

  String epoch();

  /**
   * Sequences the message built by {@code frame} and hands it to {@code deliver}, unless {@code
   * publishKey} (null for none) was published within the dedup window.
   */
  Published publish(String publishKey, Sequenced frame, Consumer<Frame> deliver, long nowNanos);

  /**
   * Runs {@code attach} (which makes a connection a member) so that no message is delivered
   * meanwhile; when it returns true, hands the joiner's replay to {@code deliver} before any later
   * message is delivered. The replay holds the messages after {@code since} (null for none) when
   * continuity holds, else the last {@code history} messages (0 for none).
   */
  Optional<Replay> attach(
      BooleanSupplier attach, Position since, int history, Consumer<Replay> deliver, long nowNanos);

  /**
   * What a joiner at {@code since} asking for {@code history} messages would be replayed, without
   * joining anyone: the history read of the server API, with the same continuity answer.
   */
  default Replay read(Position since, int history, long nowNanos) {
    Replay[] out = {null};
    attach(() -> true, since, history, replay -> out[0] = replay, nowNanos);
    return out[0];
  }
}
