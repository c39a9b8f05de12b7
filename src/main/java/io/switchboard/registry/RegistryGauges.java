package io.switchboard.registry;

import io.switchboard.metrics.Gauge;
import io.switchboard.metrics.GaugeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The registry's gauges: connections, users, rooms and queued frames on this node. */
@ApplicationScoped
public class RegistryGauges implements GaugeSource {

  private static final String BY_AUTH = "Open connections by authentication state";

  @Inject Connections connections;
  @Inject Rooms rooms;

  @Override
  public List<Gauge> gauges() {
    return List.of(
        new Gauge(
            "switchboard_connections",
            "Open WebSocket connections on this node",
            connections::count),
        new Gauge(
            "switchboard_connections_by_auth",
            BY_AUTH,
            () -> countOpen(false),
            "auth",
            "authenticated"),
        new Gauge(
            "switchboard_connections_by_auth", BY_AUTH, () -> countOpen(true), "auth", "guest"),
        new Gauge(
            "switchboard_users", "Distinct users connected to this node", connections::userCount),
        new Gauge("switchboard_rooms", "Rooms with at least one member on this node", rooms::count),
        new Gauge(
            "switchboard_outbound_queued",
            "Frames waiting in all outbound queues of this node",
            this::queued));
  }

  private long countOpen(boolean guests) {
    return connections.all().stream().filter(c -> c.caller().isGuest() == guests).count();
  }

  private long queued() {
    return connections.all().stream().mapToLong(Connection::queued).sum();
  }
}
