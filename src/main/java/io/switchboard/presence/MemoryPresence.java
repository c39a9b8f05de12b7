package io.switchboard.presence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * {@link Presence} of this node alone: every room's {@link RoomPresence} in memory. A room's entry
 * exists while it has users or held-back departures, so the state is bounded by the connections'
 * memberships. Every change runs inside {@code compute} on the room's entry; every stage it returns
 * is already complete. A bean of its own class only: {@link PresenceSelection} chooses.
 */
@ApplicationScoped
@Typed(MemoryPresence.class)
public class MemoryPresence implements Presence {

  private final ConcurrentHashMap<String, RoomPresence> rooms = new ConcurrentHashMap<>();

  /** Rooms with held-back departures, kept in step inside each room's {@code compute}. */
  private final Set<String> departing = ConcurrentHashMap.newKeySet();

  /** Rooms whose users changed since the last sweep, so the sweep visits only those. */
  private final Set<String> changed = ConcurrentHashMap.newKeySet();

  private final LongSupplier nanoClock;

  public MemoryPresence() {
    this(System::nanoTime);
  }

  /** With the given clock ({@link System#nanoTime} semantics), for tests. */
  public MemoryPresence(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  @Override
  public CompletionStage<Boolean> arrive(String roomId, String userId, String connectionId) {
    boolean announce =
        Change.apply(
            rooms,
            roomId,
            presence -> {
              RoomPresence p = presence == null ? new RoomPresence() : presence;
              return new Change<>(p, p.arrive(userId));
            });
    changed.add(roomId);
    return CompletableFuture.completedFuture(announce);
  }

  @Override
  public CompletionStage<Boolean> depart(
      String roomId, String userId, String connectionId, Duration grace) {
    long now = nanoClock.getAsLong();
    boolean announce =
        Change.apply(
            rooms,
            roomId,
            p -> {
              if (p == null) {
                return new Change<>(null, false);
              }
              boolean tell = p.depart(userId, connectionId, grace.toNanos(), now);
              if (p.hasDepartures()) {
                departing.add(roomId);
              }
              return new Change<>(p.isEmpty() ? null : p, tell);
            });
    changed.add(roomId);
    return CompletableFuture.completedFuture(announce);
  }

  @Override
  public CompletionStage<List<Gone>> due() {
    long now = nanoClock.getAsLong();
    List<Gone> out = new ArrayList<>();
    for (String roomId : departing) {
      RoomPresence left =
          rooms.computeIfPresent(
              roomId,
              (id, p) -> {
                p.due(now)
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
    return CompletableFuture.completedFuture(out);
  }

  @Override
  public CompletionStage<List<String>> changedLargeRooms(int threshold) {
    List<String> out = new ArrayList<>();
    for (String roomId : changed) {
      changed.remove(roomId);
      if (count(roomId) > threshold) {
        out.add(roomId);
      }
    }
    return CompletableFuture.completedFuture(out);
  }

  @Override
  public CompletionStage<Snapshot> snapshot(String roomId, int limit) {
    return CompletableFuture.completedFuture(
        Change.apply(
            rooms,
            roomId,
            p ->
                p == null
                    ? new Change<>(null, new Snapshot(0, Map.of()))
                    : new Change<>(p, new Snapshot(p.userCount(), p.users(limit)))));
  }

  private int count(String roomId) {
    return Change.apply(rooms, roomId, p -> new Change<>(p, p == null ? 0 : p.userCount()));
  }

  /** A single node outlives none of its connections: nothing to forget. */
  @Override
  public CompletionStage<Void> forgetDeadNodes(Duration grace) {
    return CompletableFuture.completedFuture(null);
  }

  /** Rooms with presence state, for the memory accounting. */
  public int rooms() {
    return rooms.size();
  }
}
