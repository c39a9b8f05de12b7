package io.switchboard.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
  public Runnable counter(String name, String description, String... tags) {
    return registry.counter(name, Tags.of(tags))::increment;
  }

  @Override
  public void gauge(String name, String description, Supplier<Number> value) {
    removeGauges(name);
    gauges.add(value);
    registry.gauge(name, Tags.empty(), value, v -> v.get().doubleValue());
  }

  /**
   * WildFly's registry outlives a deployment, and a gauge of the same name would keep pointing at
   * the previous deployment's state.
   */
  private void removeGauges(String name) {
    registry.find(name).gauges().forEach(registry::remove);
  }

  @Override
  public String facility() {
    return "Micrometer";
  }
}
