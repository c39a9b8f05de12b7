package io.switchboard.bridge;

import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.switchboard.auth.Caller;
import io.switchboard.config.BridgeSettings;
import io.switchboard.config.HubConfig;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Inbound;
import io.switchboard.protocol.Payloads;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.registry.Connection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Forwards a client's app message to NATS on {@code <prefix>.app.<name>}, with the verified
 * identity in headers (never anything the client claimed). With {@code reply: true} it is a NATS
 * request: the backend's answer reaches the sending connection as {@code app.reply}, correlated by
 * the client's {@code message_id}, or an error ({@code backend_timeout}, {@code
 * backend_unavailable}) does; exactly one of them. The request is asynchronous: the calling
 * (container I/O) thread only queues it.
 */
@ApplicationScoped
public class AppMessages {

  public static final String USER_HEADER = "Switchboard-User";
  public static final String GROUPS_HEADER = "Switchboard-Groups";
  public static final String CONNECTION_HEADER = "Switchboard-Connection";
  public static final String MESSAGE_ID_HEADER = "Switchboard-Message-Id";
  public static final String TYPE_HEADER = "Switchboard-Type";

  private static final Logger LOG = Logger.getLogger(AppMessages.class.getName());

  private final NatsLink link;
  private final BridgeSettings settings;
  private final Subjects subjects;
  private final PendingRequests pending;
  private final HubMetrics metrics;

  @Inject
  public AppMessages(NatsLink link, HubConfig config, HubMetrics metrics) {
    this.link = link;
    this.settings = config.settings().bridge();
    this.subjects = new Subjects(settings.subjectPrefix());
    this.pending = new PendingRequests(settings.maxPending(), settings.maxPendingPerConnection());
    this.metrics = metrics;
  }

  /** For the container's client proxy only. */
  protected AppMessages() {
    this.link = null;
    this.settings = null;
    this.subjects = null;
    this.pending = null;
    this.metrics = null;
  }

  /** Whether {@code type} is an app message type on this node (the bridge is on). */
  public boolean isApp(String type) {
    return settings.enabled() && type.startsWith(settings.appPrefix());
  }

  /** Requests awaiting a backend's reply on this node. */
  public int pending() {
    return pending.size();
  }

  /**
   * Forwards the message, or throws the {@link ProtocolException} to answer the client with.
   * Returns at once; a reply arrives later on a client thread.
   */
  public void forward(Connection connection, Inbound.Custom message) {
    String name = message.type().substring(settings.appPrefix().length());
    if (!Subjects.appName(name)) {
      throw new ProtocolException(
          ErrorCode.UNKNOWN_TYPE,
          "an app message type is "
              + settings.appPrefix()
              + "followed by dot-separated names without *, > or spaces");
    }
    boolean reply = Payloads.optionalBoolean(message.payload(), "reply", false);
    JsonValue data = message.payload().getOrDefault("data", JsonValue.NULL);
    io.nats.client.Connection nats =
        link.connection()
            .filter(c -> link.isConnected())
            .orElseThrow(() -> unavailable("the backend link is down; try again later"));
    NatsMessage outgoing =
        NatsMessage.builder()
            .subject(subjects.app(name))
            .headers(identity(connection, message))
            .data(data.toString().getBytes(StandardCharsets.UTF_8))
            .build();
    if (!reply) {
      publish(nats, outgoing);
      metrics.appMessage("published");
      return;
    }
    if (message.messageId() == null) {
      throw new ProtocolException(
          ErrorCode.INVALID_PAYLOAD, "an app message with reply: true needs a message_id");
    }
    PendingRequests.Ticket ticket =
        new PendingRequests.Ticket(connection.id(), message.messageId());
    pending
        .start(ticket)
        .ifPresent(
            refusal -> {
              throw new ProtocolException(ErrorCode.BACKEND_BUSY, busy(refusal));
            });
    try {
      nats.requestWithTimeout(outgoing, settings.requestTimeout())
          .whenComplete(
              (answer, failure) -> {
                if (pending.finish(ticket)) {
                  connection.send(outcome(message, answer, failure));
                }
              });
    } catch (RuntimeException e) {
      pending.finish(ticket);
      throw unavailable("the backend link cannot take more messages; try again later");
    }
  }

  private Frame outcome(Inbound.Custom message, Message answer, Throwable failure) {
    if (failure == null) {
      metrics.appMessage("replied");
      return AppFrames.reply(message.type(), message.messageId(), answer.getData());
    }
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof JetStreamStatusException) {
      metrics.appMessage("no_responders");
      metrics.error(ErrorCode.BACKEND_UNAVAILABLE.wireName());
      return Frame.error(
          ErrorCode.BACKEND_UNAVAILABLE,
          "no backend handles " + message.type(),
          message.messageId());
    }
    if (!(cause instanceof TimeoutException)) {
      LOG.warning(() -> "app request " + message.type() + " failed: " + cause);
    }
    metrics.appMessage("timed_out");
    metrics.error(ErrorCode.BACKEND_TIMEOUT.wireName());
    return Frame.error(
        ErrorCode.BACKEND_TIMEOUT,
        "no reply from the backend within " + settings.requestTimeout().toSeconds() + " s",
        message.messageId());
  }

  private static void publish(io.nats.client.Connection nats, NatsMessage outgoing) {
    try {
      nats.publish(outgoing);
    } catch (IllegalStateException e) {
      throw unavailable("the backend link cannot take more messages; try again later");
    }
  }

  private static Headers identity(Connection connection, Inbound.Custom message) {
    Caller caller = connection.caller();
    Headers headers = new Headers();
    headers.put(USER_HEADER, caller.userId());
    headers.put(GROUPS_HEADER, String.join(",", new TreeSet<>(caller.groups())));
    headers.put(CONNECTION_HEADER, connection.id());
    headers.put(TYPE_HEADER, message.type());
    if (message.messageId() != null) {
      headers.put(MESSAGE_ID_HEADER, message.messageId());
    }
    return headers;
  }

  private static String busy(PendingRequests.Refusal refusal) {
    return switch (refusal) {
      case NODE_FULL -> "too many app requests await a reply on this server; try again later";
      case CONNECTION_FULL -> "too many of your app requests await a reply; wait for one";
      case DUPLICATE_ID -> "a request with this message_id already awaits a reply";
    };
  }

  private static ProtocolException unavailable(String reason) {
    return new ProtocolException(ErrorCode.BACKEND_UNAVAILABLE, reason);
  }
}
