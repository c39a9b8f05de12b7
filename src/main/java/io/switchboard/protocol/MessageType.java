package io.switchboard.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every message type on the wire, with the direction it may travel in.
 *
 * <p>A client may only send the types marked {@link Direction#CLIENT} or {@link Direction#BOTH};
 * anything else it sends is answered with {@link ErrorCode#UNKNOWN_TYPE}. The delivery class says
 * how a type is treated under backpressure: {@link Delivery#EPHEMERAL} traffic may be shed, {@link
 * Delivery#DURABLE} traffic never silently.
 */
public enum MessageType {
  CONNECTION_ESTABLISHED("connection.established", Direction.SERVER, Delivery.DURABLE),
  MESSAGE_TEXT("message.text", Direction.BOTH, Delivery.DURABLE),
  MESSAGE_DIRECT("message.direct", Direction.BOTH, Delivery.DURABLE),
  ROOM_JOIN("room.join", Direction.CLIENT, Delivery.DURABLE),
  ROOM_JOINED("room.joined", Direction.SERVER, Delivery.DURABLE),
  ROOM_LEAVE("room.leave", Direction.CLIENT, Delivery.DURABLE),
  ROOM_LEFT("room.left", Direction.SERVER, Delivery.DURABLE),
  ROOM_MEMBER_JOINED("room.member.joined", Direction.SERVER, Delivery.EPHEMERAL),
  ROOM_MEMBER_LEFT("room.member.left", Direction.SERVER, Delivery.EPHEMERAL),
  ROOM_BROADCAST("room.broadcast", Direction.BOTH, Delivery.DURABLE),
  HEARTBEAT_PING("heartbeat.ping", Direction.SERVER, Delivery.EPHEMERAL),
  HEARTBEAT_PONG("heartbeat.pong", Direction.CLIENT, Delivery.EPHEMERAL),
  AUTH_EXPIRING("auth.expiring", Direction.SERVER, Delivery.DURABLE),
  AUTH_REFRESH("auth.refresh", Direction.CLIENT, Delivery.DURABLE),
  AUTH_REFRESHED("auth.refreshed", Direction.SERVER, Delivery.DURABLE),
  /**
   * A backend's answer to a client's app message sent with {@code reply: true}, correlated by
   * {@code ref_message_id}. App messages themselves have types the application defines, under
   * {@code WS_APP_MESSAGE_PREFIX}, and are not listed here.
   */
  APP_REPLY("app.reply", Direction.SERVER, Delivery.DURABLE),
  FLOW_SLOW("flow.slow", Direction.SERVER, Delivery.EPHEMERAL),
  SERVER_DRAINING("server.draining", Direction.SERVER, Delivery.DURABLE),
  ROOM_BROADCAST_ACK("room.broadcast.ack", Direction.SERVER, Delivery.DURABLE),
  ROOM_MEMBERS("room.members", Direction.BOTH, Delivery.DURABLE),
  ROOM_OCCUPANCY("room.occupancy", Direction.SERVER, Delivery.EPHEMERAL),
  PRESENCE_QUERY("presence.query", Direction.CLIENT, Delivery.DURABLE),
  PRESENCE_STATE("presence.state", Direction.SERVER, Delivery.DURABLE),
  TYPING_START("typing.start", Direction.CLIENT, Delivery.EPHEMERAL),
  TYPING_STOP("typing.stop", Direction.CLIENT, Delivery.EPHEMERAL),
  TYPING_STARTED("typing.started", Direction.SERVER, Delivery.EPHEMERAL),
  TYPING_STOPPED("typing.stopped", Direction.SERVER, Delivery.EPHEMERAL),
  SERVER_ANNOUNCEMENT("server.announcement", Direction.SERVER, Delivery.DURABLE),
  /** A backend's message to a user, a group or everyone (server API, bridges). */
  MESSAGE_PUSH("message.push", Direction.SERVER, Delivery.DURABLE),
  /** A kept message from a user's inbox; it stays there until the client sends inbox.ack. */
  INBOX_ITEM("inbox.item", Direction.SERVER, Delivery.DURABLE),
  INBOX_ACK("inbox.ack", Direction.CLIENT, Delivery.DURABLE),
  INBOX_ACKED("inbox.acked", Direction.SERVER, Delivery.DURABLE),
  ERROR("error", Direction.SERVER, Delivery.DURABLE);

  /** Who may send a type. */
  public enum Direction {
    CLIENT,
    SERVER,
    BOTH
  }

  /** How a type is treated when a connection's outbound queue is under pressure. */
  public enum Delivery {
    EPHEMERAL,
    DURABLE
  }

  private static final Map<String, MessageType> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(MessageType::wireName, Function.identity()));

  private final String wireName;
  private final Direction direction;
  private final Delivery delivery;

  MessageType(String wireName, Direction direction, Delivery delivery) {
    this.wireName = wireName;
    this.direction = direction;
    this.delivery = delivery;
  }

  public String wireName() {
    return wireName;
  }

  public Delivery delivery() {
    return delivery;
  }

  public boolean clientMaySend() {
    return direction != Direction.SERVER;
  }

  /** The type a client may send under this wire name, if any. */
  public static Optional<MessageType> fromClient(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName)).filter(MessageType::clientMaySend);
  }
}
