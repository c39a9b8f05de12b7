package io.switchboard.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * MicroProfile Metrics (Payara, Open Liberty): the application registry, exported by the server at
 * {@code /metrics}. Where the API is missing (WildFly) the container cannot load this bean and
 * leaves it out; a real injection point is needed because Payara's registry producer reads it.
 */
@ApplicationScoped
class MicroProfileMetrics implements MetricsBackend {

  @Inject MetricRegistry registry;

  @Override
  public Runnable counter(String name, String description, String... tags) {
    return registry.counter(metadata(name, description), toTags(tags))::inc;
  }

  @Override
  public void gauge(String name, String description, Supplier<Number> value) {
    registry.gauge(metadata(name, description), value);
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
