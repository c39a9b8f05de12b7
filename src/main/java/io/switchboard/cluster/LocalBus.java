package io.switchboard.cluster;

import io.switchboard.metrics.HubMetrics;
import io.switchboard.protocol.Frame;
import io.switchboard.registry.Broadcaster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

/**
 * The single-node bus: delivery is immediate and local, which trivially keeps the {@link Bus}
 * contract. The bus of {@code WS_CLUSTER=local}; with {@code redis}, {@link RedisBus} uses it for
 * the local half of every delivery.
 */
@ApplicationScoped
@Typed(LocalBus.class)
public class LocalBus implements Bus {

  private final Broadcaster broadcaster;
  private final HubMetrics metrics;

  @Inject
  public LocalBus(Broadcaster broadcaster, HubMetrics metrics) {
    this.broadcaster = broadcaster;
    this.metrics = metrics;
  }

  /** A bus whose fan-out is not measured. */
  public LocalBus(Broadcaster broadcaster) {
    this(broadcaster, new HubMetrics());
  }

  /** For the container's client proxy only. */
  protected LocalBus() {
    this(null, null);
  }

  @Override
  public void toRoom(String roomId, Frame frame, String exceptConnectionId) {
    long started = System.nanoTime();
    int recipients = broadcaster.toRoom(roomId, frame, exceptConnectionId);
    metrics.fanout(recipients, System.nanoTime() - started);
  }

  @Override
  public void toConnection(String connectionId, Frame frame) {
    broadcaster.toConnection(connectionId, frame);
  }

  @Override
  public void toUser(String userId, Frame frame) {
    broadcaster.toUser(userId, frame);
  }
}
