package io.switchboard.cluster;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** What the Redis engine did since the node started: commands, their latency, reconnects. */
public final class RedisEngineStats {

  private final LongAdder commands = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder latencyNanos = new LongAdder();
  private final LongAccumulator maxLatencyNanos = new LongAccumulator(Math::max, 0);
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicLong subscriptions = new AtomicLong();

  void command(long nanos, boolean succeeded) {
    commands.increment();
    latencyNanos.add(nanos);
    maxLatencyNanos.accumulate(nanos);
    if (!succeeded) {
      failures.increment();
    }
  }

  void reconnected() {
    reconnects.incrementAndGet();
  }

  void subscribed(int channels) {
    subscriptions.addAndGet(channels);
  }

  void unsubscribed(int channels) {
    subscriptions.addAndGet(-channels);
  }

  /** Scripts run, answered or failed. */
  public long commands() {
    return commands.sum();
  }

  /** Scripts that failed: Redis unreachable, slow or refusing. */
  public long failures() {
    return failures.sum();
  }

  /** Total time from issuing a script to its answer, in nanoseconds. */
  public long latencyNanos() {
    return latencyNanos.sum();
  }

  /** The longest such time seen. */
  public long maxLatencyNanos() {
    return maxLatencyNanos.get();
  }

  public long reconnects() {
    return reconnects.get();
  }

  /** Channels subscribed now. */
  public long subscriptions() {
    return subscriptions.get();
  }
}
