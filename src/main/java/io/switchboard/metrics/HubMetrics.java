package io.switchboard.metrics;

import io.switchboard.registry.Connections;
import io.switchboard.registry.Rooms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The only class the hub records metrics through. It never names a metrics API itself: at startup
 * it picks MicroProfile Metrics where the server has it (Payara, Open Liberty), else Micrometer
 * (WildFly), else nothing, so one WAR publishes the same metric names into each server's own
 * facility. See docs/decisions/0001-metrics-facade.md.
 */
@ApplicationScoped
public class HubMetrics {

  private static final Logger LOG = Logger.getLogger(HubMetrics.class.getName());

  @Inject Connections connections;
  @Inject Rooms rooms;
  @Inject Instance<MetricsBackend> backends;

  private final Family messagesIn =
      new Family("switchboard_messages_in", "Frames received from clients", "type");
  private final Family errors =
      new Family("switchboard_errors", "Error frames sent to clients", "code");
  private final Family closes = new Family("switchboard_closes", "Connections closed", "code");
  private final Family refusals =
      new Family("switchboard_refused", "Connections refused at open", "code");
  private final Family rateLimited =
      new Family("switchboard_rate_limited", "Frames refused by the rate limiter", null);
  private MetricsBackend backend;

  /** Chooses the facility and registers the gauges once the application has started. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    backend = firstAvailable();
    if (backend == null) {
      LOG.warning(
          "no metrics facility found (MicroProfile Metrics or Micrometer): metrics are off");
      return;
    }
    LOG.info(() -> "metrics published through " + backend.facility());
    gauge("switchboard_connections", "Open WebSocket connections on this node", connections::count);
    gauge("switchboard_users", "Distinct users connected to this node", connections::userCount);
    gauge("switchboard_rooms", "Rooms with at least one member on this node", rooms::count);
  }

  /** A frame received, by message type (or {@code invalid} when it could not be read). */
  public void messageIn(String type) {
    messagesIn.increment(type);
  }

  /** An {@code error} frame sent, by error code. */
  public void error(String code) {
    errors.increment(code);
  }

  /** A connection closed, by close code. */
  public void closed(int code) {
    closes.increment(Integer.toString(code));
  }

  /** A connection refused before it was registered, by close code. */
  public void refused(int code) {
    refusals.increment(Integer.toString(code));
  }

  /** A frame refused by the rate limiter. */
  public void rateLimited() {
    rateLimited.increment("");
  }

  private void gauge(String name, String description, Supplier<Number> value) {
    backend.gauge(name, description, value);
  }

  /**
   * One counter per value of its single label (or one counter when it has none), created on first
   * use. Counting runs on every frame, so a known value costs a map lookup and an increment, with
   * no allocation.
   */
  private final class Family {

    private final String name;
    private final String description;
    private final String label;
    private final ConcurrentHashMap<String, Runnable> byValue = new ConcurrentHashMap<>();

    Family(String name, String description, String label) {
      this.name = name;
      this.description = description;
      this.label = label;
    }

    void increment(String value) {
      if (backend == null) {
        return;
      }
      try {
        Runnable counter = byValue.get(value);
        if (counter == null) {
          counter = byValue.computeIfAbsent(value, this::create);
        }
        counter.run();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "metric " + name + " not recorded", e);
      }
    }

    private Runnable create(String value) {
      return label == null
          ? backend.counter(name, description)
          : backend.counter(name, description, label, value);
    }
  }

  /** MicroProfile Metrics where the server has it, else Micrometer, else none. */
  private MetricsBackend firstAvailable() {
    MetricsBackend chosen = null;
    for (MetricsBackend candidate : backends) {
      if (chosen == null || candidate instanceof MicroProfileMetrics) {
        chosen = candidate;
      }
    }
    return chosen;
  }
}
