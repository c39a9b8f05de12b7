package io.switchboard.metrics;

import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * A server's metrics facility, seen through the operations the hub needs. Names are given in
 * Prometheus form ({@code switchboard_messages_in}); tags as alternating key/value pairs. Counters
 * are exported with the {@code _total} suffix by both facilities; histograms and timers as
 * summaries with {@code _count}, {@code _sum} and {@code _max} samples (timers in seconds, with the
 * {@code _seconds} unit suffix).
 */
interface MetricsBackend {

  /** A counter's increment-by operation, to be cached by the caller. */
  LongConsumer counter(String name, String description, String... tags);

  void gauge(String name, String description, Supplier<Number> value, String... tags);

  /** A histogram's record operation (a distribution of plain numbers). */
  LongConsumer histogram(String name, String description, String... tags);

  /** A timer's record operation, in nanoseconds. */
  LongConsumer timer(String name, String description, String... tags);

  /** Which facility this is, for the startup log line. */
  String facility();
}
