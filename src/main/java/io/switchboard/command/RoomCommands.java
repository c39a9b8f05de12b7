package io.switchboard.command;

import io.switchboard.access.AccessPolicy;
import io.switchboard.access.RoomPolicy;
import io.switchboard.auth.Caller;
import io.switchboard.config.HubConfig;
import io.switchboard.config.RoomSettings;
import io.switchboard.metrics.HubMetrics;
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
import io.switchboard.stream.StreamUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

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

  private static final Logger LOG = Logger.getLogger(RoomCommands.class.getName());

  private final Rooms rooms;
  private final HubConfig config;
  private final AccessPolicy access;
  private final RoomStreams streams;
  private final Presence presence;
  private final Announcements announcements;
  private final HubMetrics metrics;

  @Inject
  public RoomCommands(
      Rooms rooms,
      HubConfig config,
      AccessPolicy access,
      RoomStreams streams,
      Presence presence,
      Announcements announcements,
      HubMetrics metrics) {
    this.rooms = rooms;
    this.config = config;
    this.access = access;
    this.streams = streams;
    this.presence = presence;
    this.announcements = announcements;
    this.metrics = metrics;
  }

  /** For the container's client proxy only. */
  protected RoomCommands() {
    this(null, null, null, null, null, null, null);
  }

  /**
   * Whether {@code caller} may join {@code roomId} by opening {@code /ws/rooms/{room_id}}: the same
   * checks as a {@code room.join} frame (room id, message rules, room rules), made before the
   * connection is greeted, so that a refused room never becomes a connection.
   *
   * @throws ProtocolException with the error code a {@code room.join} would have been answered with
   */
  public void checkPathJoin(Caller caller, String roomId) {
    Payloads.roomId(roomPayload(roomId));
    access.checkMessage(caller, MessageType.ROOM_JOIN);
    access.checkRoom(caller, roomId, RoomPolicy.Right.JOIN);
  }

  /** Joins the room of the connection's path, as a {@code room.join} frame would. */
  public void joinByPath(Connection connection, String roomId) {
    join(connection, roomPayload(roomId), null);
  }

  private static JsonObject roomPayload(String roomId) {
    return Json.PROVIDER.createObjectBuilder().add("room_id", roomId).build();
  }

  void join(Connection connection, JsonObject payload, String messageId) {
    String roomId = Payloads.roomId(payload);
    access.checkRoom(connection.caller(), roomId, RoomPolicy.Right.JOIN);
    boolean rejoin = rooms.isMember(roomId, connection);
    JoinOptions options =
        rejoin
            ? new JoinOptions(0, JoinOptions.of(payload, 0).since())
            : JoinOptions.of(payload, settings().history());
    attach(connection, roomId, options, rejoin, messageId);
  }

  /**
   * Joins the connection to the room because a backend asked (server API): no room rule applies,
   * the backend decides. The connection gets {@code room.joined} without history, as after a {@code
   * room.join} that asked for none, and the others hear of the arrival as usual. A refusal (room
   * limit, cluster unavailable) reaches the connection as an {@code error} frame.
   */
  public void joinForBackend(Connection connection, String roomId) {
    attach(connection, roomId, new JoinOptions(0, null), rooms.isMember(roomId, connection), null);
  }

  /**
   * Takes the connection out of the room because a backend asked: it gets {@code room.left} with
   * the reason, after the others got {@code room.member.left}. False when it was not a member.
   */
  public boolean removeForBackend(Connection connection, String roomId, String reason) {
    if (!streams.detach(roomId, connection.id(), () -> rooms.leave(roomId, connection))) {
      return false;
    }
    announcements.departed(roomId, connection.id(), connection.userId(), Duration.ZERO);
    withUsers(
        roomId,
        users ->
            connection.send(
                Frame.fromServer(
                    MessageType.ROOM_LEFT, roster(roomId, users).add("reason", reason).build())));
    return true;
  }

  private void attach(
      Connection connection, String roomId, JoinOptions options, boolean rejoin, String messageId) {
    int maxRooms = config.settings().maxRoomsPerConnection();
    if (!rejoin && connection.roomCount() >= maxRooms) {
      throw new ProtocolException(
          ErrorCode.ROOM_LIMIT, "a connection may be in at most " + maxRooms + " rooms");
    }
    // The attach may complete on the engine's thread: the outcome crosses threads.
    AtomicReference<Rooms.Join> outcome = new AtomicReference<>(Rooms.Join.CLOSED);
    int limit = config.settings().rosterLimit();
    presence
        .snapshot(roomId, limit)
        .thenCompose(
            before ->
                streams
                    .of(roomId)
                    .attach(
                        connection.id(),
                        () -> {
                          Rooms.Join join = rooms.join(roomId, connection, maxRooms);
                          outcome.set(join);
                          return join.member();
                        },
                        options.since(),
                        options.history(),
                        replay -> {
                          Presence.Snapshot users = before;
                          if (outcome.get() == Rooms.Join.JOINED) {
                            announcements.arrived(roomId, connection.id(), connection.userId());
                            users = before.withArrival(connection.userId(), limit);
                          }
                          connection.send(joined(roomId, users, replay, options.since() != null));
                          replay.frames().forEach(connection::send);
                        },
                        System.nanoTime()))
        .whenComplete(
            (replay, failure) -> {
              if (failure != null) {
                refuse(connection, failure, messageId, "room.join");
              } else if (outcome.get() == Rooms.Join.ROOM_LIMIT) {
                metrics.error(ErrorCode.ROOM_LIMIT.wireName());
                connection.send(
                    Frame.error(
                        ErrorCode.ROOM_LIMIT,
                        "a connection may be in at most " + maxRooms + " rooms",
                        messageId));
              }
            });
  }

  void leave(Connection connection, JsonObject payload) {
    String roomId = Payloads.roomId(payload);
    if (!streams.detach(roomId, connection.id(), () -> rooms.leave(roomId, connection))) {
      throw new ProtocolException(ErrorCode.NOT_A_MEMBER, "not a member of room " + roomId);
    }
    announcements.departed(roomId, connection.id(), connection.userId(), Duration.ZERO);
    withUsers(
        roomId,
        users ->
            connection.send(
                Frame.fromServer(MessageType.ROOM_LEFT, roster(roomId, users).build())));
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
      if (revocation.isPresent()
          && streams.detach(roomId, connection.id(), () -> rooms.leave(roomId, connection))) {
        announcements.departed(roomId, connection.id(), connection.userId(), Duration.ZERO);
        withUsers(
            roomId,
            users ->
                connection.send(
                    Frame.fromServer(
                        MessageType.ROOM_LEFT,
                        roster(roomId, users)
                            .add("reason", "access revoked: " + revocation.get())
                            .build())));
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
            excludeSender ? connection.id() : null,
            System.nanoTime())
        .whenComplete(
            (published, failure) -> {
              if (failure != null) {
                refuse(connection, failure, messageId, "room.broadcast");
              } else {
                acknowledge(connection, roomId, published, messageId);
              }
            });
  }

  private void acknowledge(
      Connection connection, String roomId, Published published, String messageId) {
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
    Duration grace = settings().presenceGrace();
    for (String roomId : rooms.roomsOf(connection)) {
      if (streams.detach(roomId, connection.id(), () -> rooms.leave(roomId, connection))) {
        announcements.departed(roomId, connection.id(), connection.userId(), grace);
      }
    }
  }

  /**
   * Answers a join or broadcast the stream could not carry out: {@code unavailable} when its engine
   * is unreachable (retryable, nothing was done), {@code internal_error} otherwise.
   */
  private void refuse(Connection connection, Throwable failure, String messageId, String what) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof StreamUnavailableException) {
      LOG.fine(() -> what + " refused, engine unavailable: " + cause.getMessage());
      connection.send(
          Frame.error(ErrorCode.UNAVAILABLE, "the cluster is unavailable; retry later", messageId));
    } else {
      LOG.log(Level.WARNING, what + " failed on " + connection, cause);
      metrics.error(ErrorCode.INTERNAL_ERROR.wireName());
      connection.send(Frame.error(ErrorCode.INTERNAL_ERROR, "internal error", messageId));
    }
  }

  private Frame joined(
      String roomId, Presence.Snapshot users, Replay replay, boolean recoveryAsked) {
    var payload =
        roster(roomId, users)
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
  private JsonObjectBuilder roster(String roomId, Presence.Snapshot users) {
    int limit = config.settings().rosterLimit();
    JsonArrayBuilder listed = Json.PROVIDER.createArrayBuilder();
    int count = 0;
    for (Connection member : rooms.members(roomId)) {
      if (count++ < limit) {
        listed.add(RoomNotices.member(member.id(), member.userId()));
      }
    }
    return Json.PROVIDER
        .createObjectBuilder()
        .add("room_id", roomId)
        .add("member_count", count)
        .add("members", listed)
        .add("user_count", users.userCount())
        .add("users", RoomNotices.users(users.users()))
        .add("large_room", announcements.isLarge(users));
  }

  /**
   * Runs {@code then} with the room's users (listed up to the roster limit), after every presence
   * change this connection made before: with {@link io.switchboard.presence.MemoryPresence} at
   * once, on this thread.
   */
  private void withUsers(String roomId, Consumer<Presence.Snapshot> then) {
    presence
        .snapshot(roomId, config.settings().rosterLimit())
        .thenAccept(then)
        .exceptionally(
            failure -> {
              LOG.log(Level.WARNING, "roster of room " + roomId + " failed: " + failure);
              return null;
            });
  }

  private RoomSettings settings() {
    return config.settings().rooms();
  }
}
