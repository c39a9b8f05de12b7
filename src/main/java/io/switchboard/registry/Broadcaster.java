package io.switchboard.registry;

import io.switchboard.protocol.Frame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Hands an already-encoded frame to the local connections it is addressed to. It never serializes
 * and never blocks: each {@link Connection#send} only queues.
 */
@ApplicationScoped
public class Broadcaster {

  private final Rooms rooms;
  private final Connections connections;

  @Inject
  public Broadcaster(Rooms rooms, Connections connections) {
    this.rooms = rooms;
    this.connections = connections;
  }

  /** For the container's client proxy only. */
  protected Broadcaster() {
    this(null, null);
  }

  /**
   * Queues the frame on every member of the room except {@code exceptConnectionId} (may be null).
   */
  public int toRoom(String roomId, Frame frame, String exceptConnectionId) {
    int delivered = 0;
    for (Connection member : rooms.members(roomId)) {
      if (!member.id().equals(exceptConnectionId) && member.send(frame)) {
        delivered++;
      }
    }
    return delivered;
  }

  public int toConnection(String connectionId, Frame frame) {
    return connections.byId(connectionId).map(c -> c.send(frame) ? 1 : 0).orElse(0);
  }

  /**
   * Queues the frame on every connection whose caller carries the group. A scan of this node's
   * connections, as for {@link #toAll}: groups change with {@code auth.refresh}, so an index would
   * have to follow every refresh.
   */
  public int toGroup(String group, Frame frame) {
    int delivered = 0;
    for (Connection connection : connections.all()) {
      if (connection.caller().groups().contains(group) && connection.send(frame)) {
        delivered++;
      }
    }
    return delivered;
  }

  public int toAll(Frame frame) {
    int delivered = 0;
    for (Connection connection : connections.all()) {
      if (connection.send(frame)) {
        delivered++;
      }
    }
    return delivered;
  }

  public int toUser(String userId, Frame frame) {
    int delivered = 0;
    for (Connection connection : connections.ofUser(userId)) {
      if (connection.send(frame)) {
        delivered++;
      }
    }
    return delivered;
  }
}
