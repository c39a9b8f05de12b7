package io.switchboard.metrics;

import java.util.function.Supplier;

/**
 * A server's metrics facility, seen through the three operations the hub needs. Names are given in
 * Prometheus form ({@code switchboard_messages_in}); tags as alternating key/value pairs. Counters
 * are exported with the {@code _total} suffix by both facilities.
 */
interface MetricsBackend {

  /** A counter's increment operation, to be cached by the caller. */
  Runnable counter(String name, String description, String... tags);

  void gauge(String name, String description, Supplier<Number> value);

  /** Which facility this is, for the startup log line. */
  String facility();
}
