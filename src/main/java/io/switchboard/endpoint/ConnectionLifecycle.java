package io.switchboard.endpoint;

import io.switchboard.auth.Admission;
import io.switchboard.auth.Caller;
import io.switchboard.auth.JwtHandshakeConfigurator;
import io.switchboard.auth.Rejection;
import io.switchboard.command.RoomCommands;
import io.switchboard.config.HubConfig;
import io.switchboard.config.Settings;
import io.switchboard.inbox.Inboxes;
import io.switchboard.limits.RateLimiter;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.node.Drain;
import io.switchboard.protocol.CloseCodes;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.protocol.Payloads;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens and closes connections: refuses a connection whose handshake was refused, applies the
 * limits to the session, admits the connection within the node's connection limits, greets the
 * client, replays the user's inbox, and on close removes every trace of it (rooms, user index, rate
 * state, queue).
 */
@ApplicationScoped
public class ConnectionLifecycle {

  private static final Logger LOG = Logger.getLogger(ConnectionLifecycle.class.getName());
  private static final String CONNECTION = Connection.class.getName();

  @Inject HubConfig config;
  @Inject Connections connections;
  @Inject RoomCommands rooms;
  @Inject RateLimiter rateLimiter;
  @Inject Drain drain;
  @Inject Inboxes inboxes;
  @Inject HubMetrics metrics;

  @Resource ManagedExecutorService executor;

  public void open(Session session) {
    Admission admission = Admission.of(session.getUserProperties());
    if (admission instanceof Admission.Refused refused) {
      refuseHandshake(session, refused.rejection());
      return;
    }
    Caller caller = ((Admission.Admitted) admission).caller();
    Settings settings = config.settings();
    session.setMaxTextMessageBufferSize(settings.maxMessageSize());
    session.setMaxBinaryMessageBufferSize(settings.maxMessageSize());
    SessionTransport.outsideApplicationLoader(() -> session.setMaxIdleTimeout(0));
    session.getAsyncRemote().setSendTimeout(settings.sendTimeout().toMillis());
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
    Connections.Admission[] admitted = {null};
    inboxes.attach(
        connection,
        () -> {
          admitted[0] =
              connections.admit(
                  connection, settings.maxConnections(), settings.maxConnectionsPerUser());
          if (admitted[0] != Connections.Admission.ADMITTED) {
            return false;
          }
          session.getUserProperties().put(CONNECTION, connection);
          connection.send(
              Frame.fromServer(
                  MessageType.CONNECTION_ESTABLISHED, established(connection, settings)));
          return true;
        });
    switch (admitted[0]) {
      case SERVER_FULL -> refuse(connection, CloseCodes.TRY_AGAIN_LATER, "server full");
      case USER_FULL ->
          refuse(
              connection,
              CloseCodes.TOO_MANY_USER_CONNECTIONS,
              "too many connections for this user");
      case ADMITTED -> {
        recordHandshake(session);
        LOG.info(
            () ->
                "connection opened id="
                    + connection.id()
                    + " user="
                    + connection.userId()
                    + " auth="
                    + (caller.isGuest() ? "guest" : "authenticated"));
      }
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
    connectionOf(session)
        .ifPresent(c -> release(c, reason.getCloseCode().getCode(), reason.getReasonPhrase()));
  }

  public void failed(Session session, Throwable error) {
    LOG.log(Level.FINE, "error on session " + session.getId(), error);
    if (!session.isOpen()) {
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
