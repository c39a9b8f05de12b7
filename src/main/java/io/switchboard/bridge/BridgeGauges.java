package io.switchboard.bridge;

import io.switchboard.metrics.Gauge;
import io.switchboard.metrics.GaugeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The NATS bridge's state: whether it is connected, its reconnects and pending app requests. */
@ApplicationScoped
public class BridgeGauges implements GaugeSource {

  @Inject NatsLink link;
  @Inject AppMessages apps;

  @Override
  public List<Gauge> gauges() {
    if (!link.enabled()) {
      return List.of();
    }
    return List.of(
        new Gauge(
            "switchboard_nats_connected",
            "1 while the NATS bridge is connected, else 0",
            () -> link.isConnected() ? 1 : 0),
        new Gauge(
            "switchboard_nats_reconnects",
            "Times the NATS bridge reconnected since the node started",
            link::reconnects),
        new Gauge(
            "switchboard_nats_disconnects",
            "Times the NATS bridge lost its connection since the node started",
            link::disconnects),
        new Gauge(
            "switchboard_app_requests_pending",
            "App requests awaiting a backend's reply on this node",
            apps::pending));
  }
}
