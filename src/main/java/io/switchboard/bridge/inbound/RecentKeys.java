package io.switchboard.bridge.inbound;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of user and group messages delivered within the dedup window, at most {@code capacity} of
 * them (the oldest go first): a redelivery after a lost ack finds its id and is acknowledged
 * without being sent again. Room messages need none of this, their stream deduplicates them.
 * Thread-safe.
 */
final class RecentKeys {

  private final int capacity;
  private final long windowNanos;
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

  RecentKeys(int capacity, long windowNanos) {
    this.capacity = capacity;
    this.windowNanos = windowNanos;
  }

  /** Whether {@code key} was remembered within the window. */
  synchronized boolean contains(String key, long nowNanos) {
    expire(nowNanos);
    return seen.containsKey(key);
  }

  synchronized void remember(String key, long nowNanos) {
    if (windowNanos <= 0 || capacity <= 0) {
      return;
    }
    seen.put(key, nowNanos);
    Iterator<Map.Entry<String, Long>> oldest = seen.entrySet().iterator();
    while (seen.size() > capacity) {
      oldest.next();
      oldest.remove();
    }
  }

  private void expire(long nowNanos) {
    Iterator<Map.Entry<String, Long>> oldest = seen.entrySet().iterator();
    while (oldest.hasNext() && nowNanos - oldest.next().getValue() > windowNanos) {
      oldest.remove();
    }
  }
}
