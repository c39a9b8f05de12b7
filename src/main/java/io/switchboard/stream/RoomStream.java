package io.switchboard.stream;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One room's ordered message stream, as seen from this node. Its contract, which every
 * implementation (in memory, or in Redis shared by a cluster) keeps and which {@code
 * RoomStreamContract} checks on each:
 *
 * <ul>
 *   <li>Sequence numbers start at 1 and only grow, by one per message, within an epoch, with no
 *       hole cluster-wide: however many nodes publish to the room, each accepted message gets the
 *       next number.
 *   <li>The epoch is a fresh random value whenever the stream is created; a stream that lost
 *       history any other way than by its documented bounds (count, age) gets a new epoch (an
 *       evicted stream, a Redis that restarted without persistence).
 *   <li>Every node delivers a room's messages to its members in sequence order, each once: the
 *       delivery of a message completes before the next one's starts, and never overlaps an {@link
 *       #attach}. Two members on two nodes see the same order.
 *   <li>A publish key seen within the dedup window is not sequenced or delivered again, whichever
 *       node the retry reaches; the retry gets the first attempt's sequence number.
 *   <li>A replay never misses a message silently: it either holds every message after the joiner's
 *       position, or its {@link Continuity} says why it cannot. Replay, then live: the joiner gets
 *       no gap and no duplicate between the two.
 * </ul>
 *
 * <p>Nothing here waits: both calls return a stage, completed at once in memory and when Redis
 * answered otherwise, so no container thread ever waits on the engine. When the engine is
 * unreachable (or too slow, {@code WS_REDIS_TIMEOUT}), the stage fails with {@link
 * StreamUnavailableException}: the message was then not sequenced and reached no one, or, for a
 * join, the connection did not become a member.
 */
public interface RoomStream {

  /**
   * Sequences the message built by {@code frame} and has every node deliver it to the room's
   * members except {@code exceptConnectionId} (null for none), unless {@code publishKey} (null for
   * none) was published within the dedup window. The stage completes once the message is sequenced
   * and this node delivered it to its own members.
   */
  CompletionStage<Published> publish(
      String publishKey, Sequenced frame, String exceptConnectionId, long nowNanos);

  /**
   * Runs {@code attach} (which makes the connection {@code memberId} a member, or finds it one
   * already) so that no message is delivered on this node meanwhile; when it returns true, hands
   * the joiner's replay to {@code deliver} before any later message is delivered. The replay holds
   * the messages after {@code since} (null for none) when continuity holds, else the last {@code
   * history} messages (0 for none). The stage holds the replay, or nothing when {@code attach}
   * returned false.
   */
  CompletionStage<Optional<Replay>> attach(
      String memberId,
      BooleanSupplier attach,
      Position since,
      int history,
      Consumer<Replay> deliver,
      long nowNanos);

  /**
   * What a joiner at {@code since} asking for {@code history} messages would be replayed, with the
   * same continuity answer, without making anyone a member: the history read of the server API.
   * Fails as {@link #attach} does when the engine is unavailable.
   */
  CompletionStage<Replay> read(Position since, int history, long nowNanos);
}
