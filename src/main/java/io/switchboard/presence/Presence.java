package io.switchboard.presence;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Who is in each room, counted per user across all of a user's connections, with departures held
 * back for a grace period: the seam between a node and wherever presence lives ({@link
 * MemoryPresence} on one node; a shared store for a cluster).
 *
 * <p>Guarantees every implementation keeps (checked by {@code PresenceContract}):
 *
 * <ul>
 *   <li>{@link #arrive} completes with {@code true} for a user's first connection in the room only,
 *       and not for a user coming back within the grace period of a held-back departure, wherever
 *       (on whatever node) that departure happened.
 *   <li>{@link #depart} completes with {@code true} only when the user's last connection leaves
 *       without a grace period; with one, the departure is held back and, unless the user arrives
 *       again first, is returned by {@link #due} once the period is over, by exactly one call of
 *       {@code due} (in a cluster: on exactly one node), and never before.
 *   <li>Counts are exact; listed users are bounded by the caller's limit, in arrival order.
 * </ul>
 *
 * <p>Every call returns at once; no caller waits for a store. When the store is unreachable the
 * returned stage completes exceptionally and nothing is counted.
 */
public interface Presence {

  /** A room's users at one moment: the exact count and at most the requested number listed. */
  record Snapshot(int userCount, Map<String, Integer> users) {

    /**
     * The room as it is once one more connection of {@code userId} arrived, for the roster a joiner
     * gets (read before its join, so that the join's replay is not held up by presence). A user
     * absent from a listing shorter than {@code limit} was not counted.
     */
    public Snapshot withArrival(String userId, int limit) {
      Map<String, Integer> listed = new LinkedHashMap<>(users);
      if (listed.containsKey(userId)) {
        listed.merge(userId, 1, Integer::sum);
        return new Snapshot(userCount, listed);
      }
      if (listed.size() >= limit) {
        return this;
      }
      listed.put(userId, 1);
      return new Snapshot(userCount + 1, listed);
    }
  }

  /** A departure whose grace period ended: to be announced to the room. */
  record Gone(String roomId, String userId, String connectionId, int userCount) {}

  /**
   * Counts connection {@code connectionId} of {@code userId} in; true when the room must be told.
   * The connection is what a departure names when the node holding it dies.
   */
  CompletionStage<Boolean> arrive(String roomId, String userId, String connectionId);

  /** Counts a connection out; true when the room must be told now (zero {@code grace}). */
  CompletionStage<Boolean> depart(
      String roomId, String userId, String connectionId, Duration grace);

  /** Departures whose grace period is over, taken out of the state: each is returned once. */
  CompletionStage<List<Gone>> due();

  /**
   * Rooms above {@code threshold} users whose users changed since the last call, each reported
   * once, for the batched {@code room.occupancy}.
   */
  CompletionStage<List<String>> changedLargeRooms(int threshold);

  CompletionStage<Snapshot> snapshot(String roomId, int limit);

  /**
   * Takes out the connections of nodes that died without a word ({@code kill -9}, a lost host):
   * their users without a connection elsewhere get a departure held back for {@code grace}, so
   * {@link #due} announces them after it unless they reconnect first, on any node. Called by every
   * node's sweep; each dead node is taken out by exactly one. Nothing to do on a single node.
   */
  CompletionStage<Void> forgetDeadNodes(Duration grace);
}
