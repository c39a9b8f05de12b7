package io.switchboard.cluster;

import io.switchboard.metrics.HubMetrics;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.MessageType;
import io.switchboard.registry.Broadcaster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The bus of {@code WS_CLUSTER=redis}. Each frame is delivered to this node's own connections at
 * once (through {@link LocalBus}) and published once to Redis for the other nodes, with this node's
 * id so that it does not deliver its own frame twice:
 *
 * <ul>
 *   <li>room frames on the room's channel {@code sb:r:{room}}, to which a node listens exactly
 *       while the room has members on it (the room streams subscribe and unsubscribe it), so Redis
 *       work per frame does not grow with the room's size;
 *   <li>frames for a connection, a user, a group or everyone, and backends' {@link UserAction}s, on
 *       the cluster-wide channel {@code sb:x}, each node delivering to (or acting on) its own
 *       connections.
 * </ul>
 *
 * <p>A frame is encoded once, by the publishing node; each other node decodes it once and hands
 * that one frame to all of its addressed connections.
 *
 * <p>Order: frames one thread publishes to one room reach every node in publish order (one FIFO
 * command connection, one channel). When Redis is unreachable, the frame still reaches this node's
 * connections and is lost for the others (these frames are notices, not room messages: a room
 * message is sequenced by the room stream, which refuses it instead); the failure is counted.
 */
@ApplicationScoped
@Typed(RedisBus.class)
public class RedisBus implements Bus {

  private static final Logger LOG = Logger.getLogger(RedisBus.class.getName());

  static final String ROOM_PREFIX = "sb:r:";
  static final String DIRECT_CHANNEL = "sb:x";

  private final RedisEngine engine;
  private final LocalBus local;
  private final Broadcaster broadcaster;
  private final HubMetrics metrics;

  @Inject
  public RedisBus(RedisEngine engine, LocalBus local, Broadcaster broadcaster, HubMetrics metrics) {
    this.engine = engine;
    this.local = local;
    this.broadcaster = broadcaster;
    this.metrics = metrics;
    if (engine != null) {
      engine.listen(ROOM_PREFIX, this::onRoomFrame);
      engine.listen(DIRECT_CHANNEL, this::onDirectFrame);
      engine
          .subscribe(DIRECT_CHANNEL)
          .exceptionally(
              failure -> {
                LOG.warning(() -> "cluster-wide channel not subscribed yet: " + failure);
                return null;
              });
    }
  }

  /** For the container's client proxy only. */
  protected RedisBus() {
    this(null, null, null, null);
  }

  @Override
  public void toRoom(String roomId, Frame frame, String exceptConnectionId) {
    local.toRoom(roomId, frame, exceptConnectionId);
    publish(
        ROOM_PREFIX + "{" + roomId + "}",
        "f\n" + engine.nodeId() + "\n" + orEmpty(exceptConnectionId) + "\n" + encode(frame));
  }

  @Override
  public void toConnection(String connectionId, Frame frame) {
    if (broadcaster.toConnection(connectionId, frame) == 0) {
      publish(DIRECT_CHANNEL, "c\n" + engine.nodeId() + "\n" + connectionId + "\n" + encode(frame));
    }
  }

  @Override
  public void toUser(String userId, Frame frame) {
    local.toUser(userId, frame);
    publish(DIRECT_CHANNEL, "u\n" + engine.nodeId() + "\n" + userId + "\n" + encode(frame));
  }

  @Override
  public void toGroup(String group, Frame frame) {
    local.toGroup(group, frame);
    publish(DIRECT_CHANNEL, "g\n" + engine.nodeId() + "\n" + group + "\n" + encode(frame));
  }

  @Override
  public void toAll(Frame frame) {
    local.toAll(frame);
    publish(DIRECT_CHANNEL, "e\n" + engine.nodeId() + "\n\n" + encode(frame));
  }

  /**
   * Applied here at once, and on the other nodes when the action arrives; actions one thread
   * publishes reach every node in order (one command connection, one channel).
   */
  @Override
  public void act(UserAction action) {
    local.act(action);
    publish(
        DIRECT_CHANNEL,
        "a\n"
            + engine.nodeId()
            + "\n"
            + action.userId()
            + "\n"
            + action.kind().name()
            + "\n"
            + orEmpty(action.roomId())
            + "\n"
            + orEmpty(action.reason()));
  }

  private void publish(String channel, String message) {
    engine
        .commands()
        .publish(channel, message)
        .exceptionally(
            failure -> {
              metrics.clusterPublishFailed();
              LOG.fine(() -> "frame not published to the cluster: " + failure.getMessage());
              return null;
            });
  }

  private void onRoomFrame(String channel, String message) {
    if (!message.startsWith("f\n")) {
      return;
    }
    String[] parts = message.split("\n", 6);
    if (parts[1].equals(engine.nodeId())) {
      return;
    }
    String roomId = channel.substring(ROOM_PREFIX.length() + 1, channel.length() - 1);
    local.toRoom(
        roomId, decode(parts[3], parts[4], parts[5]), parts[2].isEmpty() ? null : parts[2]);
  }

  private void onDirectFrame(String channel, String message) {
    String[] parts = message.split("\n", 6);
    if (parts[1].equals(engine.nodeId())) {
      return;
    }
    if (parts[0].equals("a")) {
      local.act(
          new UserAction(
              parts[2],
              UserAction.Kind.valueOf(parts[3]),
              parts[4].isEmpty() ? null : parts[4],
              parts[5].isEmpty() ? null : parts[5]));
      return;
    }
    Frame frame = decode(parts[3], parts[4], parts[5]);
    switch (parts[0]) {
      case "c" -> broadcaster.toConnection(parts[2], frame);
      case "u" -> local.toUser(parts[2], frame);
      case "g" -> local.toGroup(parts[2], frame);
      case "e" -> local.toAll(frame);
      default -> LOG.fine(() -> "unknown cluster message kind: " + parts[0]);
    }
  }

  private static String encode(Frame frame) {
    return frame.type().name() + "\n" + frame.delivery().name() + "\n" + frame.text();
  }

  private static Frame decode(String type, String delivery, String text) {
    Frame frame = new Frame(MessageType.valueOf(type), text);
    return new Frame(
        frame.type(), frame.text(), frame.bytes(), MessageType.Delivery.valueOf(delivery));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
