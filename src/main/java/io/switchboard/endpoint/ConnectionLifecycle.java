package io.switchboard.endpoint;

import io.switchboard.auth.Admission;
import io.switchboard.auth.Authenticator;
import io.switchboard.auth.Caller;
import io.switchboard.auth.JwtHandshakeConfigurator;
import io.switchboard.auth.Rejection;
import io.switchboard.auth.TokenRejectedException;
import io.switchboard.command.Dispatcher;
import io.switchboard.command.RoomCommands;
import io.switchboard.config.HubConfig;
import io.switchboard.config.Settings;
import io.switchboard.inbox.Inboxes;
import io.switchboard.limits.RateLimiter;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.node.Drain;
import io.switchboard.protocol.CloseCodes;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Inbound;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.protocol.Payloads;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import io.switchboard.registry.UserDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens and closes connections, for every endpoint alike: refuses a connection whose handshake was
 * refused, holds one opened without a token under first-message authentication until its {@code
 * auth} frame, applies the limits to the session, admits the connection within the node's
 * connection limits, greets the client, replays the user's inbox, joins the room its path names
 * ({@code /ws/rooms/{room_id}} under the rules of {@code room.join}), and on close removes every
 * trace of it (rooms, user index, rate state, queue).
 */
@ApplicationScoped
public class ConnectionLifecycle {

  private static final Logger LOG = Logger.getLogger(ConnectionLifecycle.class.getName());
  private static final String CONNECTION = Connection.class.getName();

  /** The path parameter of {@code /ws/rooms/{room_id}}. */
  static final String ROOM_ID = "room_id";

  @Inject HubConfig config;
  @Inject Connections connections;
  @Inject UserDirectory directory;
  @Inject RoomCommands rooms;
  @Inject RateLimiter rateLimiter;
  @Inject Drain drain;
  @Inject Inboxes inboxes;
  @Inject HubMetrics metrics;
  @Inject Dispatcher dispatcher;
  @Inject Authenticator authenticator;
  @Inject PendingAuthentications pending;

  @Resource ManagedExecutorService executor;

  public void open(Session session) {
    Admission admission = Admission.of(session.getUserProperties());
    if (admission instanceof Admission.Refused refused) {
      refuseHandshake(session, refused.rejection());
    } else if (admission instanceof Admission.Admitted admitted) {
      admit(session, admitted.caller());
    } else {
      awaitAuthentication(session);
    }
  }

  /**
   * A text frame from the client: dispatched on a registered connection; on a connection waiting
   * for first-message authentication, its {@code auth} frame (anything else closes it).
   */
  public void received(Session session, Inbound inbound) {
    Optional<Connection> connection = connectionOf(session);
    if (connection.isPresent()) {
      dispatcher.dispatch(connection.get(), inbound);
    } else {
      authenticate(session, inbound);
    }
  }

  /** A binary frame: refused on a registered connection, fatal to one not yet authenticated. */
  public void receivedBinary(Session session, int bytes) {
    Optional<Connection> connection = connectionOf(session);
    if (connection.isPresent()) {
      dispatcher.rejectBinary(connection.get(), bytes);
    } else {
      authenticate(session, null);
    }
  }

  private void configure(Session session, Settings settings) {
    session.setMaxTextMessageBufferSize(settings.maxMessageSize());
    session.setMaxBinaryMessageBufferSize(settings.maxMessageSize());
    SessionTransport.outsideApplicationLoader(() -> session.setMaxIdleTimeout(0));
    session.getAsyncRemote().setSendTimeout(settings.sendTimeout().toMillis());
  }

  /**
   * First-message authentication: the connection is kept out of the registry, sent nothing, and
   * given {@code WS_AUTH_TIMEOUT} to send its {@code auth} frame.
   */
  private void awaitAuthentication(Session session) {
    Settings settings = config.settings();
    configure(session, settings);
    if (drain.isDraining()) {
      closeUnregistered(session, CloseCodes.GOING_AWAY, "server shutting down");
      return;
    }
    boolean held =
        pending.hold(
            session.getId(),
            settings.auth().authTimeout(),
            settings.maxConnections(),
            () -> refuseAuthentication(session, Rejection.AUTH_TIMEOUT, "no auth frame in time"));
    if (!held) {
      closeUnregistered(session, CloseCodes.TRY_AGAIN_LATER, "server full");
    }
  }

  private void authenticate(Session session, Inbound inbound) {
    if (!pending.release(session.getId())) {
      return;
    }
    Caller caller;
    try {
      if (!(inbound instanceof Inbound.Request request) || request.type() != MessageType.AUTH) {
        throw new TokenRejectedException(
            Rejection.AUTH_FRAME_EXPECTED, "first frame was not an auth frame");
      }
      String token = request.payload().get("token") instanceof JsonString s ? s.getString() : "";
      if (token.isEmpty()) {
        throw new TokenRejectedException(Rejection.MISSING_TOKEN, "auth frame without a token");
      }
      caller = authenticator.verify(token);
    } catch (TokenRejectedException e) {
      refuseAuthentication(session, e.rejection(), e.logDetail());
      return;
    }
    admit(session, caller);
  }

  private void refuseAuthentication(Session session, Rejection rejection, String detail) {
    LOG.info(
        () ->
            "first-message authentication refused: "
                + rejection.reason()
                + " "
                + detail
                + " session="
                + session.getId());
    refuseHandshake(session, rejection);
  }

  private void closeUnregistered(Session session, int code, String reason) {
    metrics.refused(code);
    new SessionTransport(session, executor).close(code, reason);
  }

  private void admit(Session session, Caller caller) {
    Settings settings = config.settings();
    configure(session, settings);
    Map<String, String> path = session.getPathParameters();
    String pathRoom = path == null ? null : path.get(ROOM_ID);
    if (pathRoom != null) {
      try {
        rooms.checkPathJoin(caller, pathRoom);
      } catch (ProtocolException e) {
        LOG.info(
            () ->
                "connection refused user="
                    + caller.userId()
                    + " code="
                    + CloseCodes.ROOM_REFUSED
                    + " room "
                    + e.code().wireName());
        closeUnregistered(session, CloseCodes.ROOM_REFUSED, "room refused: " + e.code().wireName());
        return;
      }
    }
    Connection connection =
        new Connection(
            UUID.randomUUID().toString(),
            caller,
            new SessionTransport(session, executor),
            settings.queueDepth(),
            settings.flowWindowBytes(),
            metrics);
    if (drain.isDraining()) {
      connection.close(CloseCodes.GOING_AWAY, "server shutting down");
      return;
    }
    if (connections.admit(connection, settings.maxConnections())
        == Connections.Admission.SERVER_FULL) {
      refuse(connection, CloseCodes.TRY_AGAIN_LATER, "server full");
      return;
    }
    session.getUserProperties().put(CONNECTION, connection);
    directory
        .admit(connection.userId(), connection.id(), settings.maxConnectionsPerUser())
        .whenComplete(
            (admitted, failure) -> {
              if (failure != null || !admitted) {
                session.getUserProperties().remove(CONNECTION);
                connections.remove(connection);
              }
              if (failure != null) {
                LOG.warning("user directory unavailable: " + failure);
                refuse(connection, CloseCodes.TRY_AGAIN_LATER, "user directory unavailable");
              } else if (!admitted) {
                refuse(
                    connection,
                    CloseCodes.TOO_MANY_USER_CONNECTIONS,
                    "too many connections for this user");
              } else {
                greet(session, connection, caller, settings, pathRoom);
              }
            });
  }

  private void greet(
      Session session, Connection connection, Caller caller, Settings settings, String pathRoom) {
    inboxes.attach(
        connection,
        () -> {
          connection.send(
              Frame.fromServer(
                  MessageType.CONNECTION_ESTABLISHED, established(connection, settings)));
          return true;
        });
    recordHandshake(session);
    LOG.info(
        () ->
            "connection opened id="
                + connection.id()
                + " user="
                + connection.userId()
                + " auth="
                + (caller.isGuest() ? "guest" : "authenticated")
                + (pathRoom == null ? "" : " room=" + pathRoom));
    if (pathRoom != null) {
      joinPathRoom(connection, pathRoom);
    }
  }

  private void joinPathRoom(Connection connection, String roomId) {
    try {
      rooms.joinByPath(connection, roomId);
    } catch (ProtocolException e) {
      refuse(connection, CloseCodes.ROOM_REFUSED, "room refused: " + e.code().wireName());
    }
  }

  /**
   * The portable fallback for a refused handshake on servers that upgrade it anyway: the session is
   * closed with 1008 at once, before it is registered, before anything is sent and before any frame
   * it sends is handled (the connection does not exist, so nothing is dispatched).
   */
  private void refuseHandshake(Session session, Rejection rejection) {
    metrics.refused(CloseCodes.POLICY_VIOLATION);
    metrics.authFailure(rejection);
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, rejection.reason()));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "close of refused session " + session.getId() + " failed", e);
    }
  }

  private void recordHandshake(Session session) {
    if (session.getUserProperties().get(JwtHandshakeConfigurator.STARTED) instanceof Long started) {
      metrics.handshake(System.nanoTime() - started);
    }
  }

  public void closed(Session session, CloseReason reason) {
    pending.release(session.getId());
    connectionOf(session)
        .ifPresent(c -> release(c, reason.getCloseCode().getCode(), reason.getReasonPhrase()));
  }

  public void failed(Session session, Throwable error) {
    LOG.log(Level.FINE, "error on session " + session.getId(), error);
    if (!session.isOpen()) {
      pending.release(session.getId());
      connectionOf(session)
          .ifPresent(c -> release(c, CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode(), "error"));
    }
  }

  static Optional<Connection> connectionOf(Session session) {
    return Optional.ofNullable((Connection) session.getUserProperties().get(CONNECTION));
  }

  private void refuse(Connection connection, int code, String reason) {
    metrics.refused(code);
    LOG.warning(
        () ->
            "connection refused user="
                + connection.userId()
                + " code="
                + code
                + " reason="
                + reason);
    connection.close(code, reason);
  }

  private void release(Connection connection, int code, String reason) {
    connection.markClosed();
    if (connections.remove(connection)) {
      directory.remove(connection.userId(), connection.id());
      metrics.closed(code);
      rooms.leaveAll(connection);
      rateLimiter.forget(
          connection.id(), connection.userId(), connections.ofUser(connection.userId()).isEmpty());
      LOG.info(
          () ->
              "connection closed id="
                  + connection.id()
                  + " user="
                  + connection.userId()
                  + " code="
                  + code
                  + " reason=\""
                  + reason
                  + "\" duration_ms="
                  + Duration.between(connection.openedAt(), Instant.now()).toMillis()
                  + " messages_in="
                  + connection.received()
                  + " messages_out="
                  + connection.sent());
    }
  }

  private static JsonObject established(Connection connection, Settings settings) {
    var json = Json.PROVIDER;
    Caller caller = connection.caller();
    var payload =
        json.createObjectBuilder()
            .add("connection_id", connection.id())
            .add("user_id", connection.userId())
            .add("groups", json.createArrayBuilder(caller.groups().stream().sorted().toList()));
    if (caller.isGuest()) {
      payload.addNull("expires_at");
    } else {
      payload.add("expires_at", caller.expiresAt().toString());
    }
    return payload
        .add("server_time", Instant.now().toString())
        .add(
            "limits",
            json.createObjectBuilder()
                .add("max_message_size", settings.maxMessageSize())
                .add("message_queue_depth", settings.queueDepth())
                .add("max_rooms_per_connection", settings.maxRoomsPerConnection())
                .add("max_room_id_length", Payloads.MAX_ROOM_ID_LENGTH)
                .add("rate_limit", settings.rateLimit())
                .add("rate_window_seconds", settings.rateWindow().toSeconds()))
        .add(
            "heartbeat",
            json.createObjectBuilder()
                .add("interval_seconds", settings.heartbeatInterval().toSeconds())
                .add("timeout_seconds", settings.heartbeatTimeout().toSeconds()))
        .add("idle_timeout_seconds", settings.idleTimeout().toSeconds())
        .build();
  }
}
