package io.switchboard.presence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is typing in which room, until when. A start from a user already typing only moves the
 * deadline (so indicators are coalesced: one {@code typing.started} per burst of typing, however
 * often the client refreshes). Only members type, so the state is bounded by the memberships.
 */
@ApplicationScoped
public class Typing {

  /** An indicator that ran out without a refresh. */
  public record Expired(String roomId, String userId) {}

  private final ConcurrentHashMap<String, Map<String, Long>> rooms = new ConcurrentHashMap<>();

  /** Starts or refreshes the user's indicator; true when it was not on (the room must be told). */
  public boolean start(String roomId, String userId, long deadlineNanos) {
    return Change.apply(
        rooms,
        roomId,
        typing -> {
          Map<String, Long> t = typing == null ? new HashMap<>() : typing;
          return new Change<>(t, t.put(userId, deadlineNanos) == null);
        });
  }

  /** Stops the user's indicator; true when it was on (the room must be told). */
  public boolean stop(String roomId, String userId) {
    return Change.apply(
        rooms,
        roomId,
        t -> {
          if (t == null) {
            return new Change<>(null, false);
          }
          boolean stopped = t.remove(userId) != null;
          return new Change<>(t.isEmpty() ? null : t, stopped);
        });
  }

  /** The indicators past their deadline, taken out of the state. */
  public List<Expired> expired(long nowNanos) {
    List<Expired> out = new ArrayList<>();
    for (String roomId : rooms.keySet()) {
      rooms.computeIfPresent(
          roomId,
          (id, t) -> {
            t.entrySet()
                .removeIf(
                    e -> {
                      boolean over = nowNanos - e.getValue() >= 0;
                      if (over) {
                        out.add(new Expired(id, e.getKey()));
                      }
                      return over;
                    });
            return t.isEmpty() ? null : t;
          });
    }
    return out;
  }
}
