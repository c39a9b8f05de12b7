package io.switchboard.stream;

import java.util.function.BooleanSupplier;

/**
 * Every room's {@link RoomStream}. A stream is created on first use with a fresh epoch; one that is
 * lost (evicted beyond {@code WS_ROOM_STREAMS} in memory, expired or lost by Redis) is created
 * again with a new epoch when the room is next used, so clients learn that history was lost. In
 * memory, a stream whose room has members or joiners is never evicted.
 *
 * <p>The implementation is chosen by {@code WS_CLUSTER} in one place ({@link StreamsSelection}):
 * {@link MemoryRoomStreams} for {@code local}, {@link RedisRoomStreams} for {@code redis}.
 */
public interface RoomStreams {

  RoomStream of(String roomId);

  /**
   * The stream of the room that {@code userId} is about to {@link RoomStream#attach} to: the stream
   * is kept at least until that attach returned. Creating it counts against the user's bound as
   * well as the node's.
   *
   * @throws StreamLimitException when the stream does not exist and no stream without members can
   *     make way for it
   */
  RoomStream forJoin(String roomId, String userId);

  /**
   * Runs {@code detach} (which takes the connection {@code memberId} out of the room, true when it
   * was a member) so that no message of the room is being delivered on this node meanwhile. Never
   * waits on the engine: a node whose last local member left stops listening to the room in the
   * background.
   */
  boolean detach(String roomId, String memberId, BooleanSupplier detach);
}
