package io.switchboard.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * MicroProfile Metrics (Payara, Open Liberty): the application registry, exported by the server at
 * {@code /metrics}. Where the API is missing (WildFly) the container cannot load this bean and
 * leaves it out; a real injection point is needed because Payara's registry producer reads it.
 */
@ApplicationScoped
class MicroProfileMetrics implements MetricsBackend {

  @Inject MetricRegistry registry;

  @Override
  public LongConsumer counter(String name, String description, String... tags) {
    return registry.counter(metadata(name, description), toTags(tags))::inc;
  }

  @Override
  public void gauge(String name, String description, Supplier<Number> value, String... tags) {
    registry.gauge(metadata(name, description), value, toTags(tags));
  }

  @Override
  public LongConsumer histogram(String name, String description, String... tags) {
    return registry.histogram(metadata(name, description), toTags(tags))::update;
  }

  /**
   * Micrometer's Prometheus export names a timer {@code <name>_seconds_count} (and {@code _sum},
   * {@code _max}); Payara exports a MicroProfile timer under its bare name, Liberty's (Micrometer
   * based) adds the suffix unless the name ends with it. Registering it as {@code <name>_seconds}
   * gives the same scraped names on every server.
   */
  @Override
  public LongConsumer timer(String name, String description, String... tags) {
    Timer timer = registry.timer(metadata(name + "_seconds", description), toTags(tags));
    return nanos -> timer.update(Duration.ofNanos(nanos));
  }

  @Override
  public String facility() {
    return "MicroProfile Metrics";
  }

  private static Metadata metadata(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }

  private static Tag[] toTags(String... pairs) {
    Tag[] tags = new Tag[pairs.length / 2];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
    }
    return tags;
  }
}
