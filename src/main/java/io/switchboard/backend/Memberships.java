package io.switchboard.backend;

import io.switchboard.cluster.Bus;
import io.switchboard.cluster.UserAction;
import io.switchboard.command.RoomCommands;
import io.switchboard.protocol.CloseCodes;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.protocol.Utf8;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Moves a user's connections in and out of rooms, and disconnects them, because a backend asked.
 * The request goes to every node through the {@link Bus} as a {@link UserAction}; each node applies
 * it to its own connections of the user when the action reaches it ({@link #apply}). A user with no
 * connection is not an error: there is nothing to do.
 */
@ApplicationScoped
public class Memberships {

  private static final Logger LOG = Logger.getLogger(Memberships.class.getName());

  /** A close reason travels in a close frame, which holds at most 123 bytes of it. */
  public static final int MAX_REASON_BYTES = 123;

  private final Bus bus;
  private final Connections connections;
  private final RoomCommands rooms;

  @Inject
  public Memberships(Bus bus, Connections connections, RoomCommands rooms) {
    this.bus = bus;
    this.connections = connections;
    this.rooms = rooms;
  }

  /** For the container's client proxy only. */
  protected Memberships() {
    this(null, null, null);
  }

  /** Joins every connection of the user to the room; no room rule applies. */
  public void join(String userId, String roomId) {
    bus.act(
        new UserAction(
            Targets.id("user_id", userId), UserAction.Kind.JOIN, Targets.roomId(roomId), null));
  }

  /** Takes every connection of the user out of the room; each gets {@code room.left} with why. */
  public void remove(String userId, String roomId, String reason) {
    bus.act(
        new UserAction(
            Targets.id("user_id", userId),
            UserAction.Kind.LEAVE,
            Targets.roomId(roomId),
            reason(reason, "removed by the application")));
  }

  /** Closes every connection of the user with 4006 and the reason. */
  public void disconnect(String userId, String reason) {
    bus.act(
        new UserAction(
            Targets.id("user_id", userId),
            UserAction.Kind.DISCONNECT,
            null,
            reason(reason, "disconnected by the application")));
  }

  /** Applies an action, from this node or another, to this node's connections of the user. */
  void apply(@Observes UserAction action) {
    List<Connection> local = List.copyOf(connections.ofUser(action.userId()));
    for (Connection connection : local) {
      switch (action.kind()) {
        case JOIN -> join(connection, action.roomId());
        case LEAVE -> rooms.removeForBackend(connection, action.roomId(), action.reason());
        case DISCONNECT -> connection.close(CloseCodes.DISCONNECTED_BY_OPERATOR, action.reason());
      }
    }
    if (!local.isEmpty()) {
      LOG.fine(
          () ->
              "user action applied: user="
                  + action.userId()
                  + " action="
                  + action.kind()
                  + " connections="
                  + local.size());
    }
  }

  private void join(Connection connection, String roomId) {
    try {
      rooms.joinForBackend(connection, roomId);
    } catch (ProtocolException e) {
      LOG.info(
          () ->
              "server-side join refused: connection="
                  + connection.id()
                  + " room="
                  + roomId
                  + " code="
                  + e.code().wireName());
    }
  }

  private static String reason(String reason, String fallback) {
    String given = reason == null || reason.isBlank() ? fallback : reason;
    if (Utf8.length(given) > MAX_REASON_BYTES) {
      throw new ProtocolException(
          ErrorCode.INVALID_PAYLOAD, "reason must be at most " + MAX_REASON_BYTES + " bytes");
    }
    return given;
  }
}
