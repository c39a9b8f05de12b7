package io.switchboard.presence;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * What one change to a room's entry did: the entry's value after it ({@code null} removes the
 * entry) and the outcome its caller needs, such as whether the room must be told.
 */
record Change<V, R>(V value, R outcome) {

  /**
   * Runs {@code change} on the room's entry ({@code null} when there is none) inside {@code
   * compute}, so that it is atomic with every other change to that room, and returns its outcome.
   */
  static <V, R> R apply(
      ConcurrentHashMap<String, V> rooms, String roomId, Function<V, Change<V, R>> change) {
    AtomicReference<R> outcome = new AtomicReference<>();
    rooms.compute(
        roomId,
        (id, current) -> {
          Change<V, R> made = change.apply(current);
          outcome.set(made.outcome());
          return made.value();
        });
    return outcome.get();
  }
}
