package io.switchboard.inbox;

import io.switchboard.cluster.Bus;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.registry.Connection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the hub does with the {@link Inbox}: keeps a backend's message and sends it as {@code
 * inbox.item} to the user's open connections, replays the unacknowledged items to each connection
 * of the user as it opens, and removes items when a connection sends {@code inbox.ack}.
 */
@ApplicationScoped
public class Inboxes {

  /** Ids one {@code inbox.ack} may carry. */
  public static final int MAX_ACK_IDS = 1000;

  private final Inbox inbox;
  private final Bus bus;

  @Inject
  public Inboxes(Inbox inbox, Bus bus) {
    this.inbox = inbox;
    this.bus = bus;
  }

  /** For the container's client proxy only. */
  protected Inboxes() {
    this(null, null);
  }

  /** Keeps the message for the user and sends it to every open connection of the user. */
  public InboxItem keep(String userId, String senderId, JsonValue message) {
    return inbox.put(
        userId, senderId, message, Instant.now(), item -> bus.toUser(userId, frame(item)));
  }

  /**
   * Runs {@code admit} (which registers the connection and greets it) so that no item is kept
   * meanwhile; once admitted, the connection is sent the user's unacknowledged items, oldest first.
   */
  public void attach(Connection connection, BooleanSupplier admit) {
    inbox.attach(
        connection.userId(),
        Instant.now(),
        admit,
        items -> items.forEach(item -> connection.send(frame(item))));
  }

  /**
   * {@code inbox.ack {ids}}: removes the items for every connection of the user, and answers {@code
   * inbox.acked} with the ids that were removed (an id already removed is not an error).
   */
  public void ack(Connection connection, JsonObject payload) {
    JsonValue raw = payload.getOrDefault("ids", JsonValue.NULL);
    if (!(raw instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_ACK_IDS) {
      throw new ProtocolException(
          ErrorCode.INVALID_PAYLOAD,
          "payload.ids must be an array of 1 to " + MAX_ACK_IDS + " inbox item ids");
    }
    List<Long> ids = new ArrayList<>();
    for (JsonValue id : array) {
      if (!(id instanceof JsonNumber number) || !number.isIntegral()) {
        throw new ProtocolException(
            ErrorCode.INVALID_PAYLOAD, "payload.ids must hold whole numbers");
      }
      ids.add(number.longValue());
    }
    List<Long> removed = inbox.ack(connection.userId(), ids);
    connection.send(
        Frame.fromServer(
            MessageType.INBOX_ACKED,
            Json.PROVIDER
                .createObjectBuilder()
                .add("ids", Json.PROVIDER.createArrayBuilder(removed))
                .build()));
  }

  private static Frame frame(InboxItem item) {
    return Frame.from(
        MessageType.INBOX_ITEM,
        item.senderId(),
        Json.PROVIDER
            .createObjectBuilder()
            .add("id", item.id())
            .add("message", item.message())
            .add("created_at", item.createdAt().toString())
            .build());
  }
}
