package io.switchboard.presence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every room's {@link RoomPresence} on this node. A room's entry exists while it has users or
 * held-back departures, so the state is bounded by the connections' memberships. Every change runs
 * inside {@code compute} on the room's entry.
 */
@ApplicationScoped
public class Presence {

  /** A room's users at one moment: the exact count and at most the requested number listed. */
  public record Snapshot(int userCount, Map<String, Integer> users) {}

  /** A departure whose grace period ended: to be announced to the room. */
  public record Gone(String roomId, String userId, String connectionId, int userCount) {}

  private final ConcurrentHashMap<String, RoomPresence> rooms = new ConcurrentHashMap<>();

  /** Rooms with held-back departures, kept in step inside each room's {@code compute}. */
  private final Set<String> departing = ConcurrentHashMap.newKeySet();

  /** Rooms whose users changed since the last sweep, so the sweep visits only those. */
  private final Set<String> changed = ConcurrentHashMap.newKeySet();

  /** Counts a connection of {@code userId} in; true when the room must be told. */
  public boolean arrive(String roomId, String userId) {
    boolean announce =
        Change.apply(
            rooms,
            roomId,
            presence -> {
              RoomPresence p = presence == null ? new RoomPresence() : presence;
              return new Change<>(p, p.arrive(userId));
            });
    changed.add(roomId);
    return announce;
  }

  /** Counts a connection out; true when the room must be told now (no grace, or none asked). */
  public boolean depart(
      String roomId, String userId, String connectionId, long graceNanos, long nowNanos) {
    boolean announce =
        Change.apply(
            rooms,
            roomId,
            p -> {
              if (p == null) {
                return new Change<>(null, false);
              }
              boolean now = p.depart(userId, connectionId, graceNanos, nowNanos);
              if (p.hasDepartures()) {
                departing.add(roomId);
              }
              return new Change<>(p.isEmpty() ? null : p, now);
            });
    changed.add(roomId);
    return announce;
  }

  /** Departures whose grace period is over, taken out of the state. */
  public List<Gone> due(long nowNanos) {
    List<Gone> out = new ArrayList<>();
    for (String roomId : departing) {
      RoomPresence left =
          rooms.computeIfPresent(
              roomId,
              (id, p) -> {
                p.due(nowNanos)
                    .forEach(
                        d -> out.add(new Gone(id, d.userId(), d.connectionId(), p.userCount())));
                if (!p.hasDepartures()) {
                  departing.remove(id);
                }
                return p.isEmpty() ? null : p;
              });
      if (left == null) {
        departing.remove(roomId);
      }
    }
    return out;
  }

  /** Rooms above {@code threshold} users whose users changed since the last call. */
  public List<String> changedLargeRooms(int threshold) {
    List<String> out = new ArrayList<>();
    for (String roomId : changed) {
      changed.remove(roomId);
      if (userCount(roomId) > threshold) {
        out.add(roomId);
      }
    }
    return out;
  }

  public Snapshot snapshot(String roomId, int limit) {
    return Change.apply(
        rooms,
        roomId,
        p ->
            p == null
                ? new Change<>(null, new Snapshot(0, Map.of()))
                : new Change<>(p, new Snapshot(p.userCount(), p.users(limit))));
  }

  public int userCount(String roomId) {
    return snapshot(roomId, 0).userCount();
  }

  /** Rooms with presence state, for the memory accounting. */
  public int rooms() {
    return rooms.size();
  }
}
