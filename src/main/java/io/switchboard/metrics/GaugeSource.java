package io.switchboard.metrics;

import java.util.List;

/**
 * A bean with state worth gauging. {@link HubMetrics} registers every source's gauges once it has
 * chosen the facility, so the metrics package needs to know nothing about what it gauges.
 */
public interface GaugeSource {

  /** The gauges, each reading live state when sampled. */
  List<Gauge> gauges();
}
