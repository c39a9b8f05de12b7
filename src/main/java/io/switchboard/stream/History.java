package io.switchboard.stream;

import io.switchboard.protocol.Frame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last messages of one room, at most {@code capacity} of them and none older than {@code
 * maxAgeNanos} (0: no age limit). Entries are appended in sequence order, so the oldest is always
 * first. Not thread-safe: its {@link RoomStream} guards it.
 */
final class History {

  /** One sequenced message, kept as the frame that was delivered live, byte for byte. */
  record Entry(long seq, Frame frame, long atNanos) {}

  private final int capacity;
  private final long maxAgeNanos;
  private final Deque<Entry> entries = new ArrayDeque<>();

  History(int capacity, long maxAgeNanos) {
    this.capacity = capacity;
    this.maxAgeNanos = maxAgeNanos;
  }

  void append(long seq, Frame frame, long nowNanos) {
    if (capacity == 0) {
      return;
    }
    entries.addLast(new Entry(seq, frame, nowNanos));
    while (entries.size() > capacity) {
      entries.removeFirst();
    }
    trim(nowNanos);
  }

  /** Drops entries past the age limit. */
  void trim(long nowNanos) {
    if (maxAgeNanos <= 0) {
      return;
    }
    while (!entries.isEmpty() && nowNanos - entries.peekFirst().atNanos() > maxAgeNanos) {
      entries.removeFirst();
    }
  }

  /** The oldest sequence number held, or {@code nextSeq} when nothing is held. */
  long oldestSeq(long nextSeq) {
    return entries.isEmpty() ? nextSeq : entries.peekFirst().seq();
  }

  /** The messages after {@code seq}, oldest first. */
  List<Frame> after(long seq) {
    List<Frame> out = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.seq() > seq) {
        out.add(entry.frame());
      }
    }
    return out;
  }

  /** The last {@code count} messages, oldest first. */
  List<Frame> last(int count) {
    List<Frame> out = new ArrayList<>();
    int skip = Math.max(0, entries.size() - count);
    for (Entry entry : entries) {
      if (skip-- <= 0) {
        out.add(entry.frame());
      }
    }
    return out;
  }

  int size() {
    return entries.size();
  }
}
