package io.switchboard.command;

import io.switchboard.access.AccessPolicy;
import io.switchboard.bridge.AppMessages;
import io.switchboard.config.HubConfig;
import io.switchboard.inbox.Inboxes;
import io.switchboard.limits.RateLimiter;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.protocol.CloseCodes;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Inbound;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.protocol.Payloads;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Liveness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes each decoded client frame to its handler, after the message rules allowed its type. Every
 * failure becomes an {@code error} frame to the sender only; no request can close the connection or
 * disturb another client.
 */
@ApplicationScoped
public class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  private final RoomCommands rooms;
  private final PresenceCommands presence;
  private final DirectMessages direct;
  private final TokenRefresh refresh;
  private final Inboxes inboxes;
  private final AccessPolicy access;
  private final HubConfig config;
  private final RateLimiter rateLimiter;
  private final HubMetrics metrics;
  private final AppMessages apps;

  @Inject
  public Dispatcher(
      RoomCommands rooms,
      PresenceCommands presence,
      DirectMessages direct,
      TokenRefresh refresh,
      Inboxes inboxes,
      AccessPolicy access,
      HubConfig config,
      RateLimiter rateLimiter,
      HubMetrics metrics,
      AppMessages apps) {
    this.rooms = rooms;
    this.presence = presence;
    this.direct = direct;
    this.refresh = refresh;
    this.inboxes = inboxes;
    this.access = access;
    this.config = config;
    this.rateLimiter = rateLimiter;
    this.metrics = metrics;
    this.apps = apps;
  }

  /** For the container's client proxy only. */
  protected Dispatcher() {
    this(null, null, null, null, null, null, null, null, null, null);
  }

  public void dispatch(Connection connection, Inbound inbound) {
    long now = System.nanoTime();
    connection.liveness().inbound(now);
    if (tooBig(connection, inbound.bytes()) || limited(connection, inbound, now)) {
      return;
    }
    connection.countInbound();
    if (inbound instanceof Inbound.Rejected rejected) {
      metrics.messageIn("invalid", inbound.bytes());
      reject(connection, rejected.code(), rejected.reason(), rejected.messageId());
      return;
    }
    if (inbound instanceof Inbound.Custom custom) {
      custom(connection, custom);
      return;
    }
    Inbound.Request request = (Inbound.Request) inbound;
    metrics.messageIn(request.type().wireName(), inbound.bytes());
    try {
      handle(connection, request);
    } catch (ProtocolException e) {
      reject(connection, e.code(), e.getMessage(), request.messageId());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "failed to handle " + request.type().wireName() + " on " + connection, e);
      reject(connection, ErrorCode.INTERNAL_ERROR, "internal error", request.messageId());
    }
  }

  public void rejectBinary(Connection connection, int bytes) {
    connection.liveness().inbound(System.nanoTime());
    if (tooBig(connection, bytes)) {
      return;
    }
    connection.countInbound();
    metrics.messageIn("binary", bytes);
    reject(
        connection,
        ErrorCode.UNSUPPORTED_FRAME,
        "binary frames are not supported; send JSON text",
        null);
  }

  private void reject(Connection connection, ErrorCode code, String message, String refMessageId) {
    metrics.error(code.wireName());
    connection.send(Frame.error(code, message, refMessageId));
  }

  /**
   * Containers disagree on whether {@code Session.setMaxTextMessageBufferSize} is enforced (Tyrus
   * only enforces the annotation's constant), so the hub enforces {@code WS_MAX_MESSAGE_SIZE}
   * itself, alike everywhere, with the close code RFC 6455 reserves for it.
   */
  private boolean tooBig(Connection connection, int bytes) {
    int limit = config.settings().maxMessageSize();
    if (bytes <= limit) {
      return false;
    }
    LOG.warning(
        () ->
            "message too big: connection="
                + connection.id()
                + " user="
                + connection.userId()
                + " bytes="
                + bytes
                + " limit="
                + limit);
    connection.close(CloseCodes.TOO_BIG, "message too big: limit is " + limit + " bytes");
    return true;
  }

  /** Pongs are exempt: answering the server's own pings must never cost a client its allowance. */
  private boolean limited(Connection connection, Inbound inbound, long now) {
    if (inbound instanceof Inbound.Request request
        && request.type() == MessageType.HEARTBEAT_PONG) {
      return false;
    }
    RateLimiter.Verdict verdict = rateLimiter.admit(connection.id(), connection.userId(), now);
    switch (verdict.kind()) {
      case LIMITED -> {
        metrics.rateLimited();
        connection.send(Frame.rateLimited(inbound.messageId(), verdict.retryAfterMillis()));
      }
      case ABUSE -> {
        LOG.warning(
            () ->
                "rate limit abuse: connection=" + connection.id() + " user=" + connection.userId());
        connection.close(CloseCodes.RATE_LIMIT_ABUSE, "rate limit exceeded repeatedly");
      }
      case ALLOWED -> {
        return false;
      }
    }
    return true;
  }

  private void handle(Connection connection, Inbound.Request request) {
    access.checkMessage(connection.caller(), request.type());
    switch (request.type()) {
      case MESSAGE_TEXT -> echo(connection, request);
      case MESSAGE_DIRECT -> direct.send(connection, request.payload());
      case ROOM_JOIN -> rooms.join(connection, request.payload());
      case ROOM_LEAVE -> rooms.leave(connection, request.payload());
      case ROOM_BROADCAST -> rooms.broadcast(connection, request.payload(), request.messageId());
      case ROOM_MEMBERS -> presence.members(connection, request.payload());
      case PRESENCE_QUERY -> presence.query(connection, request.payload());
      case TYPING_START -> presence.typingStart(connection, request.payload());
      case TYPING_STOP -> presence.typingStop(connection, request.payload());
      case HEARTBEAT_PONG -> pong(connection, request);
      case AUTH_REFRESH -> refresh.refresh(connection, request.payload());
      case INBOX_ACK -> inboxes.ack(connection, request.payload());
      default -> throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown message type");
    }
  }

  /** App messages (bridge on, type under the app prefix); any other type is unknown. */
  private void custom(Connection connection, Inbound.Custom message) {
    if (!apps.isApp(message.type())) {
      metrics.messageIn("unknown", message.bytes());
      reject(connection, ErrorCode.UNKNOWN_TYPE, "unknown message type", message.messageId());
      return;
    }
    metrics.messageIn("app", message.bytes());
    try {
      access.checkApp(connection.caller(), message.type());
      apps.forward(connection, message);
    } catch (ProtocolException e) {
      reject(connection, e.code(), e.getMessage(), message.messageId());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "failed to forward " + message.type() + " on " + connection, e);
      reject(connection, ErrorCode.INTERNAL_ERROR, "internal error", message.messageId());
    }
  }

  private void pong(Connection connection, Inbound.Request request) {
    Liveness liveness = connection.liveness();
    String pingId = Payloads.requiredString(request.payload(), "ping_message_id");
    if (liveness.ponged(pingId, System.nanoTime())) {
      metrics.heartbeatRoundTrip(liveness.roundTripMillis());
    }
  }

  private static void echo(Connection connection, Inbound.Request request) {
    String text = Payloads.requiredString(request.payload(), "text");
    connection.send(
        Frame.from(
            MessageType.MESSAGE_TEXT,
            connection.userId(),
            Json.PROVIDER.createObjectBuilder().add("text", text).build()));
  }
}
