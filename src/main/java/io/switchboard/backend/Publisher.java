package io.switchboard.backend;

import io.switchboard.cluster.Bus;
import io.switchboard.config.HubConfig;
import io.switchboard.inbox.InboxItem;
import io.switchboard.inbox.Inboxes;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.stream.Published;
import io.switchboard.stream.RoomStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Publishes a backend's messages: into a room's stream exactly as a member's broadcast (sequenced,
 * kept in history, recoverable, deduplicated), or as {@code message.push} to a user, a group or
 * everyone. {@code sender} is the calling service's name (an API key's name, a token's user); it
 * becomes the frames' {@code sender_id}. Messages are limited to half of {@code
 * WS_MAX_MESSAGE_SIZE}, as announcements are.
 *
 * <p>Failures are {@link io.switchboard.protocol.ProtocolException}s with the protocol's error
 * code: {@code invalid_room_id}, {@code invalid_payload}, {@code message_too_large}.
 */
@ApplicationScoped
public class Publisher {

  /**
   * Separates backends' publish keys from members' ({@code user + '\n' + message_id}): no user id
   * starts with a control character, so a service cannot collide with a user of the same name.
   */
  private static final char SERVICE_KEY = '\u0001';

  private final Bus bus;
  private final RoomStreams streams;
  private final Inboxes inboxes;
  private final HubConfig config;

  @Inject
  public Publisher(Bus bus, RoomStreams streams, Inboxes inboxes, HubConfig config) {
    this.bus = bus;
    this.streams = streams;
    this.inboxes = inboxes;
    this.config = config;
  }

  /** For the container's client proxy only. */
  protected Publisher() {
    this(null, null, null, null);
  }

  /**
   * Publishes into the room's stream as {@code room.broadcast} with {@code sender_connection_id}
   * null. A retry with the same {@code idempotencyKey} (null for none) from the same sender within
   * {@code WS_PUBLISH_DEDUP_WINDOW} is not delivered again and answers the first {@code seq}.
   */
  public RoomPublished toRoom(
      String sender, String roomId, JsonValue message, String idempotencyKey) {
    String room = Targets.roomId(roomId);
    JsonValue checked = Targets.message(message, limit());
    Published published =
        streams
            .of(room)
            .publish(
                idempotencyKey == null ? null : SERVICE_KEY + sender + '\n' + idempotencyKey,
                (seq, epoch) ->
                    Frame.from(
                        MessageType.ROOM_BROADCAST,
                        sender,
                        Json.PROVIDER
                            .createObjectBuilder()
                            .add("room_id", room)
                            .add("message", checked)
                            .addNull("sender_connection_id")
                            .add("seq", seq)
                            .add("epoch", epoch)
                            .build()),
                frame -> bus.toRoom(room, frame, null),
                System.nanoTime());
    return new RoomPublished(room, published.seq(), published.epoch(), published.duplicate());
  }

  /**
   * Sends {@code message.push} to every open connection of the user. With {@code persist}, the
   * message is kept in the user's inbox instead and sent as {@code inbox.item}, now to the open
   * connections and to every connection that opens later, until one acknowledges it.
   */
  public UserPushed toUser(String sender, String userId, JsonValue message, boolean persist) {
    String user = Targets.id("user_id", userId);
    JsonValue checked = Targets.message(message, limit());
    if (persist) {
      InboxItem kept = inboxes.keep(user, sender, checked);
      return new UserPushed(user, kept.id());
    }
    bus.toUser(user, push(sender, checked, "user", "user_id", user));
    return new UserPushed(user, null);
  }

  /** Sends {@code message.push} to every connection whose token carries the group. */
  public void toGroup(String sender, String group, JsonValue message) {
    String name = Targets.id("group", group);
    JsonValue checked = Targets.message(message, limit());
    bus.toGroup(name, push(sender, checked, "group", "group", name));
  }

  /** Sends {@code message.push} to every open connection. */
  public void toAll(String sender, JsonValue message) {
    bus.toAll(push(sender, Targets.message(message, limit()), "all", null, null));
  }

  private int limit() {
    return config.settings().maxMessageSize() / 2;
  }

  /** A {@code message.push} frame; {@code field} (null for none) names the target. */
  private static Frame push(
      String sender, JsonValue message, String scope, String field, String target) {
    JsonObjectBuilder payload =
        Json.PROVIDER.createObjectBuilder().add("scope", scope).add("message", message);
    if (field != null) {
      payload.add(field, target);
    }
    return Frame.from(MessageType.MESSAGE_PUSH, sender, payload.build());
  }
}
