package io.switchboard.endpoint;

import io.switchboard.cluster.Bus;
import io.switchboard.config.HubConfig;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.protocol.Payloads;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Rooms;
import io.switchboard.security.AccessPolicy;
import io.switchboard.security.Caller;
import io.switchboard.security.RoomPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Collection;
import java.util.Optional;

/**
 * {@code room.join}, {@code room.leave} and {@code room.broadcast}: membership changes are
 * confirmed to the requester with the current roster and announced to the other members; broadcasts
 * go to members only. Joining and publishing are subject to the room rules ({@link AccessPolicy});
 * leaving never is.
 */
@ApplicationScoped
public class RoomCommands {

  private final Rooms rooms;
  private final Bus bus;
  private final HubConfig config;
  private final AccessPolicy access;

  @Inject
  public RoomCommands(Rooms rooms, Bus bus, HubConfig config, AccessPolicy access) {
    this.rooms = rooms;
    this.bus = bus;
    this.config = config;
    this.access = access;
  }

  /** For the container's client proxy only. */
  protected RoomCommands() {
    this(null, null, null, null);
  }

  void join(Connection connection, JsonObject payload) {
    String roomId = Payloads.roomId(payload);
    access.checkRoom(connection.caller(), roomId, RoomPolicy.Right.JOIN);
    int maxRooms = config.settings().maxRoomsPerConnection();
    switch (rooms.join(roomId, connection, maxRooms)) {
      case JOINED -> {
        bus.toRoom(
            roomId,
            memberNotice(MessageType.ROOM_MEMBER_JOINED, roomId, connection),
            connection.id());
        connection.send(roster(MessageType.ROOM_JOINED, roomId, null));
      }
      case ALREADY_MEMBER -> connection.send(roster(MessageType.ROOM_JOINED, roomId, null));
      case ROOM_LIMIT ->
          throw new ProtocolException(
              ErrorCode.ROOM_LIMIT, "a connection may be in at most " + maxRooms + " rooms");
      case CLOSED -> {}
    }
  }

  void leave(Connection connection, JsonObject payload) {
    String roomId = Payloads.roomId(payload);
    if (!rooms.leave(roomId, connection)) {
      throw new ProtocolException(ErrorCode.NOT_A_MEMBER, "not a member of room " + roomId);
    }
    bus.toRoom(roomId, memberNotice(MessageType.ROOM_MEMBER_LEFT, roomId, connection), null);
    connection.send(roster(MessageType.ROOM_LEFT, roomId, null));
  }

  /**
   * After the connection's caller changed ({@code auth.refresh}), takes it out of the rooms its new
   * groups no longer let it join: it gets {@code room.left} with the reason, after the others got
   * {@code room.member.left}.
   */
  void leaveRevoked(Connection connection) {
    Caller caller = connection.caller();
    for (String roomId : rooms.roomsOf(connection)) {
      Optional<String> revocation = access.revocation(caller, roomId);
      if (revocation.isPresent() && rooms.leave(roomId, connection)) {
        bus.toRoom(roomId, memberNotice(MessageType.ROOM_MEMBER_LEFT, roomId, connection), null);
        connection.send(
            roster(MessageType.ROOM_LEFT, roomId, "access revoked: " + revocation.get()));
      }
    }
  }

  void broadcast(Connection connection, JsonObject payload) {
    String roomId = Payloads.roomId(payload);
    var message = Payloads.requiredValue(payload, "message");
    boolean excludeSender = Payloads.optionalBoolean(payload, "exclude_sender", false);
    if (!rooms.isMember(roomId, connection)) {
      throw new ProtocolException(
          ErrorCode.NOT_A_MEMBER, "join room " + roomId + " before broadcasting to it");
    }
    access.checkRoom(connection.caller(), roomId, RoomPolicy.Right.PUBLISH);
    JsonObject delivered =
        Json.PROVIDER
            .createObjectBuilder()
            .add("room_id", roomId)
            .add("message", message)
            .add("sender_connection_id", connection.id())
            .build();
    bus.toRoom(
        roomId,
        Frame.from(MessageType.ROOM_BROADCAST, connection.userId(), delivered),
        excludeSender ? connection.id() : null);
  }

  /** Takes a closed connection out of all its rooms and tells the remaining members. */
  void leaveAll(Connection connection) {
    for (String roomId : rooms.leaveAll(connection)) {
      bus.toRoom(roomId, memberNotice(MessageType.ROOM_MEMBER_LEFT, roomId, connection), null);
    }
  }

  private Frame roster(MessageType type, String roomId, String reason) {
    Collection<Connection> members = rooms.members(roomId);
    JsonArrayBuilder listed = Json.PROVIDER.createArrayBuilder();
    int limit = config.settings().rosterLimit();
    int count = 0;
    for (Connection member : members) {
      if (count++ < limit) {
        listed.add(member(member));
      }
    }
    var payload =
        Json.PROVIDER
            .createObjectBuilder()
            .add("room_id", roomId)
            .add("member_count", count)
            .add("members", listed);
    if (reason != null) {
      payload.add("reason", reason);
    }
    return Frame.fromServer(type, payload.build());
  }

  private Frame memberNotice(MessageType type, String roomId, Connection subject) {
    JsonObject payload =
        Json.PROVIDER
            .createObjectBuilder()
            .add("room_id", roomId)
            .add("member", member(subject))
            .add("member_count", rooms.members(roomId).size())
            .build();
    return Frame.fromServer(type, payload);
  }

  private static JsonObject member(Connection connection) {
    return Json.PROVIDER
        .createObjectBuilder()
        .add("connection_id", connection.id())
        .add("user_id", connection.userId())
        .build();
  }
}
