package io.switchboard.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, in log-linear buckets (32 per power of two, under 3% error), so that
 * recording is one array increment however many deliveries a run makes.
 */
final class LatencyHistogram {

  private static final int SUB_BITS = 5;
  private static final int SUB = 1 << SUB_BITS;
  private static final int BUCKETS = 64 * SUB;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  void record(long micros) {
    counts.incrementAndGet(index(Math.max(0, micros)));
  }

  long count() {
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      total += counts.get(i);
    }
    return total;
  }

  /** The value at {@code quantile} (0..1), in microseconds; 0 when nothing was recorded. */
  long quantile(double quantile) {
    long total = count();
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(quantile * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= Math.max(1, rank)) {
        return upperBound(i);
      }
    }
    return upperBound(BUCKETS - 1);
  }

  void reset() {
    for (int i = 0; i < BUCKETS; i++) {
      counts.set(i, 0);
    }
  }

  static int index(long value) {
    if (value < SUB) {
      return (int) value;
    }
    int magnitude = 63 - Long.numberOfLeadingZeros(value);
    int shift = magnitude - SUB_BITS;
    int sub = (int) (value >>> shift) & (SUB - 1);
    return (shift + 1) * SUB + sub;
  }

  static long upperBound(int index) {
    if (index < SUB) {
      return index;
    }
    int shift = index / SUB - 1;
    long sub = index % SUB;
    return ((SUB + sub + 1) << shift) - 1;
  }
}
