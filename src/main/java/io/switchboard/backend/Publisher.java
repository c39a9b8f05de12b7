package io.switchboard.backend;

import io.switchboard.cluster.Bus;
import io.switchboard.config.HubConfig;
import io.switchboard.inbox.InboxItem;
import io.switchboard.inbox.Inboxes;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.registry.UserDirectory;
import io.switchboard.stream.RoomStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.concurrent.CompletionStage;

/**
 * Publishes a backend's messages: into a room's stream exactly as a member's broadcast (sequenced,
 * kept in history, recoverable, deduplicated), or as {@code message.push} to a user, a group or
 * everyone. {@code sender} is the calling service's name (an API key's name, a token's user); it
 * becomes the frames' {@code sender_id}. Messages are limited to half of {@code
 * WS_MAX_MESSAGE_SIZE}, as announcements are.
 *
 * <p>A request that is not valid throws a {@link io.switchboard.protocol.ProtocolException} with
 * the protocol's error code ({@code invalid_room_id}, {@code invalid_payload}, {@code
 * message_too_large}) before anything is done. Nothing here waits for the cluster's engine: a room
 * publish and a user lookup answer a stage, which fails with {@link
 * io.switchboard.stream.StreamUnavailableException} (or the directory's failure) when the engine is
 * unreachable; nothing was then delivered.
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
  private final UserDirectory directory;
  private final HubConfig config;

  @Inject
  public Publisher(
      Bus bus, RoomStreams streams, Inboxes inboxes, UserDirectory directory, HubConfig config) {
    this.bus = bus;
    this.streams = streams;
    this.inboxes = inboxes;
    this.directory = directory;
    this.config = config;
  }

  /** For the container's client proxy only. */
  protected Publisher() {
    this(null, null, null, null, null);
  }

  /**
   * Publishes into the room's stream as {@code room.broadcast} with {@code sender_connection_id}
   * null. A retry with the same {@code idempotencyKey} (null for none) from the same sender within
   * {@code WS_PUBLISH_DEDUP_WINDOW} is not delivered again and answers the first {@code seq}.
   */
  public CompletionStage<RoomPublished> toRoom(
      String sender, String roomId, JsonValue message, String idempotencyKey) {
    String room = Targets.roomId(roomId);
    JsonValue checked = Targets.message(message, limit());
    return streams
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
            null,
            System.nanoTime())
        .thenApply(
            published ->
                new RoomPublished(room, published.seq(), published.epoch(), published.duplicate()));
  }

  /**
   * Sends {@code message.push} to every open connection of the user. With {@code persist}, the
   * message is kept in the user's inbox instead and sent as {@code inbox.item}, now to the open
   * connections and to every connection that opens later, until one acknowledges it. The answer
   * says whether the user had a connection anywhere in the cluster ({@link UserDirectory}) when the
   * message was sent.
   */
  public CompletionStage<UserPushed> toUser(
      String sender, String userId, JsonValue message, boolean persist) {
    String user = Targets.id("user_id", userId);
    JsonValue checked = Targets.message(message, limit());
    return EngineFailures.asUnavailable(directory.connections(user), "the user directory")
        .thenApply(
            connected -> {
              boolean online = connected > 0;
              if (persist) {
                InboxItem kept = inboxes.keep(user, sender, checked);
                return new UserPushed(user, kept.id(), online);
              }
              if (online) {
                bus.toUser(user, push(sender, checked, "user", "user_id", user));
              }
              return new UserPushed(user, null, online);
            });
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
