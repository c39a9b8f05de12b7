package io.switchboard.cluster;

import io.switchboard.config.ClusterMode;
import io.switchboard.config.ClusterSettings;
import io.switchboard.config.Settings;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.registry.Broadcaster;
import io.switchboard.registry.Connections;
import io.switchboard.registry.Rooms;
import io.switchboard.stream.RedisRoomStreams;
import io.switchboard.support.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two nodes, each with its own engine, registries and bus, sharing one Redis server. */
class RedisBusContractTest extends BusContract {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private final List<RedisEngine> engines = new ArrayList<>();

  @BeforeEach
  void emptyServer() throws Exception {
    REDIS.start();
    REDIS.command("FLUSHALL");
  }

  @AfterEach
  void shutdown() {
    engines.forEach(RedisEngine::shutdown);
  }

  @Override
  protected List<Node> cluster(int count) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RedisEngine engine =
          new RedisEngine(
              new ClusterSettings(ClusterMode.REDIS, REDIS.url(), Duration.ofSeconds(2), 10_000),
              Executors.defaultThreadFactory());
      engines.add(engine);
      Rooms rooms = new Rooms();
      Connections connections = new Connections();
      Broadcaster broadcaster = new Broadcaster(rooms, connections);
      LocalBus local = new LocalBus(broadcaster);
      RedisBus bus = new RedisBus(engine, local, broadcaster, new HubMetrics());
      nodes.add(
          new Node(
              bus,
              rooms,
              connections,
              new RedisRoomStreams(Settings.defaults().rooms(), engine, local::toRoom)));
    }
    awaitSubscribed();
    return nodes;
  }

  /** The bus subscribes its cluster-wide channel in the background; wait until every node has. */
  private void awaitSubscribed() {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (engines.stream().anyMatch(e -> e.stats().subscriptions() < 1)
        && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
    }
  }
}
