package io.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.access.AccessPolicy;
import io.switchboard.access.MessagePolicy;
import io.switchboard.access.RoomPolicy;
import io.switchboard.cluster.LocalBus;
import io.switchboard.cluster.RedisEngine;
import io.switchboard.config.ClusterMode;
import io.switchboard.config.ClusterSettings;
import io.switchboard.config.HubConfig;
import io.switchboard.config.Settings;
import io.switchboard.inbox.InboxLimits;
import io.switchboard.inbox.Inboxes;
import io.switchboard.inbox.MemoryInbox;
import io.switchboard.limits.RateLimiter;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.metrics.Traffic;
import io.switchboard.presence.Announcements;
import io.switchboard.presence.MemoryPresence;
import io.switchboard.presence.Presence;
import io.switchboard.presence.Typing;
import io.switchboard.protocol.InboundDecoder;
import io.switchboard.registry.Broadcaster;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import io.switchboard.registry.MemoryUserDirectory;
import io.switchboard.registry.Rooms;
import io.switchboard.stream.RedisRoomStreams;
import io.switchboard.support.Callers;
import io.switchboard.support.Peer;
import io.switchboard.support.RecordingTransport;
import io.switchboard.support.RedisServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Room commands of one node on Redis: what a client sees when Redis goes away and comes back. */
class RoomCommandsOnRedisTest {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private final Connections connections = new Connections();
  private final Rooms rooms = new Rooms();
  private final LocalBus bus = new LocalBus(new Broadcaster(rooms, connections), new HubMetrics());
  private final HubConfig config = new HubConfig(Settings.defaults());
  private final RedisEngine engine =
      new RedisEngine(
          new ClusterSettings(ClusterMode.REDIS, REDIS.start().url(), Duration.ofSeconds(2), 100),
          Executors.defaultThreadFactory());
  private final AccessPolicy access = new AccessPolicy(RoomPolicy.open(), MessagePolicy.open());
  private final Presence presence = new MemoryPresence();
  private final MemoryUserDirectory directory = new MemoryUserDirectory();
  private final RoomCommands roomCommands =
      new RoomCommands(
          rooms,
          config,
          access,
          new RedisRoomStreams(config.settings().rooms(), engine, bus::toRoom),
          presence,
          new Announcements(presence, rooms, bus, config),
          new HubMetrics());
  private final Dispatcher dispatcher =
      new Dispatcher(
          roomCommands,
          new PresenceCommands(
              rooms,
              directory,
              presence,
              new Typing(),
              bus,
              config,
              access,
              new Announcements(presence, rooms, bus, config)),
          new DirectMessages(connections, directory, bus),
          new TokenRefresh(token -> null, roomCommands),
          new Inboxes(new MemoryInbox(InboxLimits.of(config.settings())), bus),
          access,
          config,
          new RateLimiter(config),
          new HubMetrics());

  @AfterEach
  void shutdown() {
    engine.shutdown();
    REDIS.start();
  }

  private Peer connect(String user) {
    RecordingTransport transport = RecordingTransport.immediate();
    Connection connection =
        new Connection("conn-" + user, Callers.user(user), transport, 100, 0, Traffic.NONE);
    connections.admit(connection, Integer.MAX_VALUE);
    directory.admit(connection.userId(), connection.id(), Integer.MAX_VALUE);
    return new Peer(connection, transport);
  }

  private void send(Peer peer, String type, String id, String payload) {
    dispatcher.dispatch(
        peer.connection(),
        new InboundDecoder()
            .decode(
                "{\"type\":\""
                    + type
                    + "\",\"message_id\":\""
                    + id
                    + "\",\"payload\":"
                    + payload
                    + "}"));
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(2_000_000);
    }
  }

  private static JsonObject awaitType(Peer peer, String type) {
    await(() -> peer.types().contains(type));
    return peer.frames().stream()
        .filter(f -> f.getString("type").equals(type))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  @Test
  void whileRedisIsDownABroadcastGetsARetryableUnavailableAndNoAckAndAfterItsReturnTheRetryIsAcked()
      throws Exception {
    Peer alice = connect("alice");
    send(alice, "room.join", "j1", "{\"room_id\":\"lobby\"}");
    awaitType(alice, "room.joined");
    REDIS.kill();

    send(alice, "room.broadcast", "b1", "{\"room_id\":\"lobby\",\"message\":\"hi\"}");

    JsonObject error = awaitType(alice, "error").getJsonObject("payload");
    assertThat(error.getString("code")).isEqualTo("unavailable");
    assertThat(error.getString("ref_message_id")).isEqualTo("b1");
    assertThat(alice.types()).doesNotContain("room.broadcast.ack", "room.broadcast");

    REDIS.start();
    await(engine::isUp);
    send(alice, "room.broadcast", "b1", "{\"room_id\":\"lobby\",\"message\":\"hi\"}");
    JsonObject ack = awaitType(alice, "room.broadcast.ack").getJsonObject("payload");
    assertThat(ack.getString("ref_message_id")).isEqualTo("b1");
    assertThat(ack.getBoolean("duplicate")).isFalse();
    assertThat(alice.types()).contains("room.resync", "room.broadcast");
  }

  @Test
  void whileRedisIsDownAJoinGetsUnavailableAndTheConnectionIsNotAMember() throws Exception {
    Peer bob = connect("bob");
    REDIS.kill();

    send(bob, "room.join", "j1", "{\"room_id\":\"lobby\"}");

    JsonObject error = awaitType(bob, "error").getJsonObject("payload");
    assertThat(error.getString("code")).isEqualTo("unavailable");
    assertThat(error.getString("ref_message_id")).isEqualTo("j1");
    assertThat(rooms.isMember("lobby", bob.connection())).isFalse();
  }
}
