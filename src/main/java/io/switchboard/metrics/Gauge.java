package io.switchboard.metrics;

import java.util.function.Supplier;

/** One gauge a {@link GaugeSource} publishes: sampled by the metrics facility when it is read. */
public record Gauge(String name, String description, Supplier<Number> value, String... tags) {}
