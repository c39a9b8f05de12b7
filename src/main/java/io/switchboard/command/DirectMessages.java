package io.switchboard.command;

import io.switchboard.cluster.Bus;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.protocol.Payloads;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import io.switchboard.registry.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * {@code message.direct}: a message to one connection ({@code connection_id}) or to every
 * connection of a user ({@code user_id}). A target that is not connected is an error, never a
 * silent drop: a user counts as connected when the {@link UserDirectory} knows a connection of it
 * on any node (a connection target must be on this node).
 */
@ApplicationScoped
public class DirectMessages {

  private final Connections connections;
  private final UserDirectory directory;
  private final Bus bus;

  @Inject
  public DirectMessages(Connections connections, UserDirectory directory, Bus bus) {
    this.connections = connections;
    this.directory = directory;
    this.bus = bus;
  }

  /** For the container's client proxy only. */
  protected DirectMessages() {
    this(null, null, null);
  }

  void send(Connection sender, JsonObject payload, String messageId) {
    Optional<String> toConnection = Payloads.optionalString(payload, "connection_id");
    Optional<String> toUser = Payloads.optionalString(payload, "user_id");
    if (toConnection.isPresent() == toUser.isPresent()) {
      throw new ProtocolException(
          ErrorCode.INVALID_PAYLOAD,
          "give exactly one of payload.connection_id and payload.user_id");
    }
    var message = Payloads.requiredValue(payload, "message");
    JsonObject delivered =
        Json.PROVIDER
            .createObjectBuilder()
            .add("message", message)
            .add("sender_connection_id", sender.id())
            .build();
    Frame frame = Frame.from(MessageType.MESSAGE_DIRECT, sender.userId(), delivered);
    if (toConnection.isPresent()) {
      String target = toConnection.get();
      if (connections.byId(target).isPresent()) {
        bus.toConnection(target, frame);
        return;
      }
      directory
          .isConnected(target)
          .whenComplete(
              (connected, failure) ->
                  deliver(
                      sender,
                      messageId,
                      failure,
                      connected,
                      "connection " + target,
                      () -> bus.toConnection(target, frame)));
    } else {
      String target = toUser.get();
      directory
          .connections(target)
          .whenComplete(
              (open, failure) ->
                  deliver(
                      sender,
                      messageId,
                      failure,
                      open != null && open > 0,
                      "user " + target,
                      () -> bus.toUser(target, frame)));
    }
  }

  /** Delivers when the target is connected somewhere, else tells the sender why not. */
  private static void deliver(
      Connection sender,
      String messageId,
      Throwable failure,
      Boolean connected,
      String target,
      Runnable delivery) {
    if (failure != null) {
      sender.send(
          Frame.error(ErrorCode.UNAVAILABLE, "the cluster is unavailable; retry later", messageId));
    } else if (!Boolean.TRUE.equals(connected)) {
      sender.send(Frame.error(ErrorCode.TARGET_NOT_FOUND, target + " is not connected", messageId));
    } else {
      delivery.run();
    }
  }
}
