package io.switchboard.presence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One room's users with their connection counts, and the users whose last connection left but whose
 * departure is held back for the grace period. Not thread-safe: {@link MemoryPresence} guards it.
 */
final class RoomPresence {

  /** A held-back departure: announced at {@code dueNanos} unless the user comes back first. */
  record Departure(String userId, String connectionId, long dueNanos) {}

  private final Map<String, Integer> users = new LinkedHashMap<>();
  private final Map<String, Departure> departing = new LinkedHashMap<>();

  /** Counts a connection in; true when others must be told the user arrived. */
  boolean arrive(String userId) {
    int connections = users.merge(userId, 1, Integer::sum);
    if (connections > 1) {
      return false;
    }
    return departing.remove(userId) == null;
  }

  /**
   * Counts a connection out; true when others must be told now that the user left. A user's last
   * connection leaving with a grace period is held back instead.
   */
  boolean depart(String userId, String connectionId, long graceNanos, long nowNanos) {
    Integer connections = users.get(userId);
    if (connections == null) {
      return false;
    }
    if (connections > 1) {
      users.put(userId, connections - 1);
      return false;
    }
    users.remove(userId);
    if (graceNanos <= 0) {
      return true;
    }
    departing.put(userId, new Departure(userId, connectionId, nowNanos + graceNanos));
    return false;
  }

  /** Removes and returns the departures whose grace period is over. */
  List<Departure> due(long nowNanos) {
    List<Departure> out =
        departing.values().stream().filter(d -> nowNanos - d.dueNanos() >= 0).toList();
    out.forEach(d -> departing.remove(d.userId()));
    return out;
  }

  boolean hasDepartures() {
    return !departing.isEmpty();
  }

  int userCount() {
    return users.size();
  }

  /** Users and their connection counts, at most {@code limit}, in arrival order. */
  Map<String, Integer> users(int limit) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : users.entrySet()) {
      if (out.size() >= limit) {
        break;
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  int connections(String userId) {
    return users.getOrDefault(userId, 0);
  }

  boolean isEmpty() {
    return users.isEmpty() && departing.isEmpty();
  }
}
