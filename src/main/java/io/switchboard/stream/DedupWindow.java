package io.switchboard.stream;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sequence numbers given to recent publishes, by publish key, for {@code windowNanos} and at
 * most {@code capacity} keys (the oldest go first). A retry within the window finds its first
 * attempt's sequence number; after it, it is a new message. Not thread-safe: its {@link RoomStream}
 * guards it.
 */
final class DedupWindow {

  private record Seen(long seq, long atNanos) {}

  private final int capacity;
  private final long windowNanos;
  private final LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();

  DedupWindow(int capacity, long windowNanos) {
    this.capacity = capacity;
    this.windowNanos = windowNanos;
  }

  /** The sequence number {@code key} was given within the window, or -1. */
  long find(String key, long nowNanos) {
    expire(nowNanos);
    Seen hit = seen.get(key);
    return hit == null ? -1 : hit.seq();
  }

  void remember(String key, long seq, long nowNanos) {
    if (windowNanos <= 0 || capacity == 0) {
      return;
    }
    seen.put(key, new Seen(seq, nowNanos));
    Iterator<Map.Entry<String, Seen>> oldest = seen.entrySet().iterator();
    while (seen.size() > capacity) {
      oldest.next();
      oldest.remove();
    }
  }

  private void expire(long nowNanos) {
    Iterator<Map.Entry<String, Seen>> oldest = seen.entrySet().iterator();
    while (oldest.hasNext() && nowNanos - oldest.next().getValue().atNanos() > windowNanos) {
      oldest.remove();
    }
  }

  int size() {
    return seen.size();
  }
}
