package io.switchboard.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One metric (counter, histogram or timer) with at most one label, a meter per label value created
 * on first use. Recording runs on every frame, so a known value costs a map lookup and a call, with
 * no allocation; a metric that cannot be recorded never disturbs the caller.
 */
final class Family {

  /** How a meter of this family is created in the chosen facility. */
  enum Kind {
    COUNTER,
    HISTOGRAM,
    TIMER
  }

  /** The record operation of one meter. */
  @FunctionalInterface
  interface Meter {
    void record(long value);
  }

  private static final Logger LOG = Logger.getLogger(Family.class.getName());

  private final Kind kind;
  private final String name;
  private final String description;
  private final String label;
  private final Supplier<MetricsBackend> backend;
  private final ConcurrentHashMap<String, Meter> byValue = new ConcurrentHashMap<>();

  Family(
      Kind kind, String name, String description, String label, Supplier<MetricsBackend> backend) {
    this.kind = kind;
    this.name = name;
    this.description = description;
    this.label = label;
    this.backend = backend;
  }

  String name() {
    return name;
  }

  /** Records {@code value} on the meter of {@code labelValue} (ignored when there is no label). */
  void record(String labelValue, long value) {
    MetricsBackend facility = backend.get();
    if (facility == null) {
      return;
    }
    try {
      String key = label == null ? "" : labelValue;
      Meter meter = byValue.get(key);
      if (meter == null) {
        meter = byValue.computeIfAbsent(key, k -> create(facility, k));
      }
      meter.record(value);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "metric " + name + " not recorded", e);
    }
  }

  private Meter create(MetricsBackend facility, String value) {
    String[] tags = label == null ? new String[0] : new String[] {label, value};
    return switch (kind) {
      case COUNTER -> facility.counter(name, description, tags)::accept;
      case HISTOGRAM -> facility.histogram(name, description, tags)::accept;
      case TIMER -> facility.timer(name, description, tags)::accept;
    };
  }
}
