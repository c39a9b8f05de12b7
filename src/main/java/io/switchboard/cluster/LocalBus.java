package io.switchboard.cluster;

import io.switchboard.metrics.HubMetrics;
import io.switchboard.protocol.Frame;
import io.switchboard.registry.Broadcaster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.function.Consumer;

/**
 * The single-node bus: delivery is immediate and local, which trivially keeps the {@link Bus}
 * contract.
 */
@ApplicationScoped
public class LocalBus implements Bus {

  private final Broadcaster broadcaster;
  private final HubMetrics metrics;
  private final Consumer<UserAction> actions;

  @Inject
  public LocalBus(Broadcaster broadcaster, HubMetrics metrics, Event<UserAction> actions) {
    this(broadcaster, metrics, actions::fire);
  }

  /** A bus that hands user actions to {@code actions}. */
  public LocalBus(Broadcaster broadcaster, HubMetrics metrics, Consumer<UserAction> actions) {
    this.broadcaster = broadcaster;
    this.metrics = metrics;
    this.actions = actions;
  }

  /** A bus whose fan-out is not measured and that has no one to apply user actions. */
  public LocalBus(Broadcaster broadcaster) {
    this(broadcaster, new HubMetrics(), action -> {});
  }

  /** For the container's client proxy only. */
  protected LocalBus() {
    this(null, null, (Consumer<UserAction>) null);
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

  @Override
  public void toGroup(String group, Frame frame) {
    long started = System.nanoTime();
    int recipients = broadcaster.toGroup(group, frame);
    metrics.fanout(recipients, System.nanoTime() - started);
  }

  @Override
  public void toAll(Frame frame) {
    long started = System.nanoTime();
    int recipients = broadcaster.toAll(frame);
    metrics.fanout(recipients, System.nanoTime() - started);
  }

  @Override
  public void act(UserAction action) {
    actions.accept(action);
  }
}
