package io.switchboard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Micrometer (WildFly 28+, where MicroProfile Metrics is gone): the registry WildFly's micrometer
 * subsystem injects, exported by its Prometheus registry. Meters are created through the registry's
 * own methods: WildFly exports only those, not builder-registered ones. Where the API is missing
 * (Payara, Liberty) the container cannot load this bean and leaves it out.
 */
@ApplicationScoped
class MicrometerMetrics implements MetricsBackend {

  @Inject MeterRegistry registry;

  /** Micrometer holds gauge state weakly; these keep it alive as long as the application. */
  private final List<Supplier<Number>> gauges = new CopyOnWriteArrayList<>();

  @Override
  public LongConsumer counter(String name, String description, String... tags) {
    Counter counter = registry.counter(name, Tags.of(tags));
    return counter::increment;
  }

  @Override
  public void gauge(String name, String description, Supplier<Number> value, String... tags) {
    Tags gaugeTags = Tags.of(tags);
    removeGauge(name, gaugeTags);
    gauges.add(value);
    registry.gauge(name, gaugeTags, value, v -> v.get().doubleValue());
  }

  @Override
  public LongConsumer histogram(String name, String description, String... tags) {
    DistributionSummary summary = registry.summary(name, Tags.of(tags));
    return summary::record;
  }

  @Override
  public LongConsumer timer(String name, String description, String... tags) {
    Timer timer = registry.timer(name, Tags.of(tags));
    return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * WildFly's registry outlives a deployment, and a gauge of the same name would keep pointing at
   * the previous deployment's state.
   */
  private void removeGauge(String name, Tags tags) {
    registry.find(name).tags(tags).gauges().forEach(registry::remove);
  }

  @Override
  public String facility() {
    return "Micrometer";
  }
}
