package io.switchboard.cluster;

import io.switchboard.protocol.Frame;
import io.switchboard.registry.Broadcaster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The single-node bus: delivery is immediate and local, which trivially keeps the {@link Bus}
 * contract.
 */
@ApplicationScoped
public class LocalBus implements Bus {

  private final Broadcaster broadcaster;

  @Inject
  public LocalBus(Broadcaster broadcaster) {
    this.broadcaster = broadcaster;
  }

  /** For the container's client proxy only. */
  protected LocalBus() {
    this(null);
  }

  @Override
  public void toRoom(String roomId, Frame frame, String exceptConnectionId) {
    broadcaster.toRoom(roomId, frame, exceptConnectionId);
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
