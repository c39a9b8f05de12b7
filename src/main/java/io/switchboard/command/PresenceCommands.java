package io.switchboard.command;

import io.switchboard.access.AccessPolicy;
import io.switchboard.access.RoomPolicy;
import io.switchboard.cluster.Bus;
import io.switchboard.config.HubConfig;
import io.switchboard.presence.Announcements;
import io.switchboard.presence.Presence;
import io.switchboard.presence.RoomNotices;
import io.switchboard.presence.Typing;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.protocol.Payloads;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Rooms;
import io.switchboard.registry.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code typing.start}, {@code typing.stop}, {@code room.members} and {@code presence.query}:
 * ephemeral signals to a room, and questions about who is there.
 */
@ApplicationScoped
public class PresenceCommands {

  private static final Logger LOG = Logger.getLogger(PresenceCommands.class.getName());

  private final Rooms rooms;
  private final UserDirectory directory;
  private final Presence presence;
  private final Typing typing;
  private final Bus bus;
  private final HubConfig config;
  private final AccessPolicy access;
  private final Announcements announcements;

  @Inject
  public PresenceCommands(
      Rooms rooms,
      UserDirectory directory,
      Presence presence,
      Typing typing,
      Bus bus,
      HubConfig config,
      AccessPolicy access,
      Announcements announcements) {
    this.rooms = rooms;
    this.directory = directory;
    this.presence = presence;
    this.typing = typing;
    this.bus = bus;
    this.config = config;
    this.access = access;
    this.announcements = announcements;
  }

  /** For the container's client proxy only. */
  protected PresenceCommands() {
    this(null, null, null, null, null, null, null, null);
  }

  /** Relayed once per burst; later starts only keep the indicator alive. */
  void typingStart(Connection connection, JsonObject payload) {
    String roomId = memberRoom(connection, payload);
    long deadline = System.nanoTime() + config.settings().rooms().typingTimeout().toNanos();
    if (typing.start(roomId, connection.userId(), deadline)) {
      bus.toRoom(roomId, RoomNotices.typingStarted(roomId, connection.userId()), connection.id());
    }
  }

  void typingStop(Connection connection, JsonObject payload) {
    String roomId = memberRoom(connection, payload);
    if (typing.stop(roomId, connection.userId())) {
      bus.toRoom(
          roomId, RoomNotices.typingStopped(roomId, connection.userId(), false), connection.id());
    }
  }

  /** Anyone allowed to join a room may ask who is in it. */
  void members(Connection connection, JsonObject payload) {
    String roomId = Payloads.roomId(payload);
    access.checkRoom(connection.caller(), roomId, RoomPolicy.Right.JOIN);
    presence
        .snapshot(roomId, config.settings().rosterLimit())
        .thenAccept(
            users ->
                connection.send(
                    Frame.fromServer(
                        MessageType.ROOM_MEMBERS,
                        Json.PROVIDER
                            .createObjectBuilder()
                            .add("room_id", roomId)
                            .add("member_count", rooms.members(roomId).size())
                            .add("user_count", users.userCount())
                            .add("users", RoomNotices.users(users.users()))
                            .add("large_room", announcements.isLarge(users))
                            .build())))
        .exceptionally(
            failure -> {
              LOG.log(Level.WARNING, "roster of room " + roomId + " failed: " + failure);
              return null;
            });
  }

  /** Whether a user has any connection on any node, and how many. */
  void query(Connection connection, JsonObject payload) {
    String userId = Payloads.requiredString(payload, "user_id");
    directory
        .connections(userId)
        .thenAccept(
            open ->
                connection.send(
                    Frame.fromServer(
                        MessageType.PRESENCE_STATE,
                        Json.PROVIDER
                            .createObjectBuilder()
                            .add("user_id", userId)
                            .add("online", open > 0)
                            .add("connections", open)
                            .build())))
        .exceptionally(
            failure -> {
              LOG.log(Level.WARNING, "presence of a user failed: " + failure);
              return null;
            });
  }

  private String memberRoom(Connection connection, JsonObject payload) {
    String roomId = Payloads.roomId(payload);
    if (!rooms.isMember(roomId, connection)) {
      throw new ProtocolException(
          ErrorCode.NOT_A_MEMBER, "join room " + roomId + " before typing in it");
    }
    access.checkRoom(connection.caller(), roomId, RoomPolicy.Right.PUBLISH);
    return roomId;
  }
}
