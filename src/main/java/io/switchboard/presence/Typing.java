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
    boolean[] started = {false};
    rooms.compute(
        roomId,
        (id, typing) -> {
          Map<String, Long> t = typing == null ? new HashMap<>() : typing;
          started[0] = t.put(userId, deadlineNanos) == null;
          return t;
        });
    return started[0];
  }

  /** Stops the user's indicator; true when it was on (the room must be told). */
  public boolean stop(String roomId, String userId) {
    boolean[] stopped = {false};
    rooms.computeIfPresent(
        roomId,
        (id, t) -> {
          stopped[0] = t.remove(userId) != null;
          return t.isEmpty() ? null : t;
        });
    return stopped[0];
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
