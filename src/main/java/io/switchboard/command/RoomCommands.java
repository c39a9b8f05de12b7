package io.switchboard.command;

import io.switchboard.access.AccessPolicy;
import io.switchboard.access.RoomPolicy;
import io.switchboard.auth.Caller;
import io.switchboard.cluster.Bus;
import io.switchboard.config.HubConfig;
import io.switchboard.config.RoomSettings;
import io.switchboard.presence.Announcements;
import io.switchboard.presence.Presence;
import io.switchboard.presence.RoomNotices;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.protocol.Payloads;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Rooms;
import io.switchboard.stream.Continuity;
import io.switchboard.stream.Published;
import io.switchboard.stream.Replay;
import io.switchboard.stream.RoomStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;

/**
 * {@code room.join}, {@code room.leave} and {@code room.broadcast}. A join is confirmed with the
 * roster and the room's stream position, followed by the replay it asked for; a user's arrival and
 * departure are announced to the others once per user, not per connection. Broadcasts are sequenced
 * by the room's stream, deduplicated by the publisher's {@code message_id} and acknowledged with
 * their sequence number. Joining and publishing are subject to the room rules ({@link
 * AccessPolicy}); leaving never is.
 */
@ApplicationScoped
public class RoomCommands {

  private final Rooms rooms;
  private final Bus bus;
  private final HubConfig config;
  private final AccessPolicy access;
  private final RoomStreams streams;
  private final Presence presence;
  private final Announcements announcements;

  @Inject
  public RoomCommands(
      Rooms rooms,
      Bus bus,
      HubConfig config,
      AccessPolicy access,
      RoomStreams streams,
      Presence presence,
      Announcements announcements) {
    this.rooms = rooms;
    this.bus = bus;
    this.config = config;
    this.access = access;
    this.streams = streams;
    this.presence = presence;
    this.announcements = announcements;
  }

  /** For the container's client proxy only. */
  protected RoomCommands() {
    this(null, null, null, null, null, null, null);
  }

  void join(Connection connection, JsonObject payload) {
    String roomId = Payloads.roomId(payload);
    access.checkRoom(connection.caller(), roomId, RoomPolicy.Right.JOIN);
    boolean rejoin = rooms.isMember(roomId, connection);
    join(
        connection,
        roomId,
        rejoin ? new JoinOptions(0, null) : JoinOptions.of(payload, settings().history()));
  }

  /**
   * Joins the connection to the room because a backend asked (server API): no room rule applies,
   * the backend decides. The connection gets {@code room.joined} without history, as after a {@code
   * room.join} that asked for none, and the others hear of the arrival as usual.
   */
  public void joinForBackend(Connection connection, String roomId) {
    join(connection, roomId, new JoinOptions(0, null));
  }

  /**
   * Takes the connection out of the room because a backend asked: it gets {@code room.left} with
   * the reason, after the others got {@code room.member.left}. False when it was not a member.
   */
  public boolean removeForBackend(Connection connection, String roomId, String reason) {
    if (!rooms.leave(roomId, connection)) {
      return false;
    }
    announcements.departed(roomId, connection.id(), connection.userId(), 0);
    connection.send(
        Frame.fromServer(MessageType.ROOM_LEFT, roster(roomId).add("reason", reason).build()));
    return true;
  }

  private void join(Connection connection, String roomId, JoinOptions options) {
    int maxRooms = config.settings().maxRoomsPerConnection();
    Rooms.Join[] outcome = {Rooms.Join.CLOSED};
    streams
        .of(roomId)
        .attach(
            () -> {
              outcome[0] = rooms.join(roomId, connection, maxRooms);
              return outcome[0] == Rooms.Join.JOINED || outcome[0] == Rooms.Join.ALREADY_MEMBER;
            },
            options.since(),
            options.history(),
            replay -> {
              if (outcome[0] == Rooms.Join.JOINED) {
                announcements.arrived(roomId, connection.id(), connection.userId());
              }
              connection.send(joined(roomId, replay, options.since() != null));
              replay.frames().forEach(connection::send);
            },
            System.nanoTime());
    if (outcome[0] == Rooms.Join.ROOM_LIMIT) {
      throw new ProtocolException(
          ErrorCode.ROOM_LIMIT, "a connection may be in at most " + maxRooms + " rooms");
    }
  }

  void leave(Connection connection, JsonObject payload) {
    String roomId = Payloads.roomId(payload);
    if (!rooms.leave(roomId, connection)) {
      throw new ProtocolException(ErrorCode.NOT_A_MEMBER, "not a member of room " + roomId);
    }
    announcements.departed(roomId, connection.id(), connection.userId(), 0);
    connection.send(Frame.fromServer(MessageType.ROOM_LEFT, roster(roomId).build()));
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
        announcements.departed(roomId, connection.id(), connection.userId(), 0);
        connection.send(
            Frame.fromServer(
                MessageType.ROOM_LEFT,
                roster(roomId).add("reason", "access revoked: " + revocation.get()).build()));
      }
    }
  }

  void broadcast(Connection connection, JsonObject payload, String messageId) {
    String roomId = Payloads.roomId(payload);
    var message = Payloads.requiredValue(payload, "message");
    boolean excludeSender = Payloads.optionalBoolean(payload, "exclude_sender", false);
    if (!rooms.isMember(roomId, connection)) {
      throw new ProtocolException(
          ErrorCode.NOT_A_MEMBER, "join room " + roomId + " before broadcasting to it");
    }
    access.checkRoom(connection.caller(), roomId, RoomPolicy.Right.PUBLISH);
    Published published =
        streams
            .of(roomId)
            .publish(
                messageId == null ? null : connection.userId() + '\n' + messageId,
                (seq, epoch) ->
                    Frame.from(
                        MessageType.ROOM_BROADCAST,
                        connection.userId(),
                        Json.PROVIDER
                            .createObjectBuilder()
                            .add("room_id", roomId)
                            .add("message", message)
                            .add("sender_connection_id", connection.id())
                            .add("seq", seq)
                            .add("epoch", epoch)
                            .build()),
                frame -> bus.toRoom(roomId, frame, excludeSender ? connection.id() : null),
                System.nanoTime());
    var ack =
        Json.PROVIDER
            .createObjectBuilder()
            .add("room_id", roomId)
            .add("seq", published.seq())
            .add("epoch", published.epoch())
            .add("duplicate", published.duplicate());
    connection.send(
        Frame.fromServer(
            MessageType.ROOM_BROADCAST_ACK,
            (messageId == null
                    ? ack.addNull("ref_message_id")
                    : ack.add("ref_message_id", messageId))
                .build()));
  }

  /**
   * Takes a closed connection out of all its rooms; the remaining members hear of it once the
   * presence grace period is over, unless the user is back by then.
   */
  public void leaveAll(Connection connection) {
    long grace = settings().presenceGrace().toNanos();
    for (String roomId : rooms.leaveAll(connection)) {
      announcements.departed(roomId, connection.id(), connection.userId(), grace);
    }
  }

  private Frame joined(String roomId, Replay replay, boolean recoveryAsked) {
    var payload =
        roster(roomId)
            .add(
                "stream",
                Json.PROVIDER
                    .createObjectBuilder()
                    .add("epoch", replay.epoch())
                    .add("seq", replay.seq()))
            .add("replayed", replay.frames().size());
    if (recoveryAsked) {
      boolean recovered = replay.continuity() == Continuity.RECOVERED;
      payload.add("recovered", recovered);
      if (!recovered) {
        payload.add("gap", replay.continuity().wireName());
      }
    }
    return Frame.fromServer(MessageType.ROOM_JOINED, payload.build());
  }

  /** The roster of a {@code room.joined} / {@code room.left}: counts exact, lists bounded. */
  private JsonObjectBuilder roster(String roomId) {
    int limit = config.settings().rosterLimit();
    JsonArrayBuilder listed = Json.PROVIDER.createArrayBuilder();
    int count = 0;
    for (Connection member : rooms.members(roomId)) {
      if (count++ < limit) {
        listed.add(RoomNotices.member(member.id(), member.userId()));
      }
    }
    Presence.Snapshot users = presence.snapshot(roomId, limit);
    return Json.PROVIDER
        .createObjectBuilder()
        .add("room_id", roomId)
        .add("member_count", count)
        .add("members", listed)
        .add("user_count", users.userCount())
        .add("users", RoomNotices.users(users.users()))
        .add("large_room", announcements.isLarge(roomId));
  }

  private RoomSettings settings() {
    return config.settings().rooms();
  }
}
