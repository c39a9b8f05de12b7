package io.switchboard.stream;

import io.switchboard.cluster.RedisEngine;
import io.switchboard.config.ClusterMode;
import io.switchboard.config.ClusterSettings;
import io.switchboard.config.RoomSettings;
import io.switchboard.support.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis streams: each "node" has its own engine (connections, threads); one server. */
class RedisRoomStreamsContractTest extends RoomStreamContract {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private final List<RedisEngine> engines = new ArrayList<>();

  static RedisEngine engine(RedisServer redis) {
    return new RedisEngine(
        new ClusterSettings(ClusterMode.REDIS, redis.url(), Duration.ofSeconds(2), 10_000),
        Executors.defaultThreadFactory());
  }

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
  protected List<RoomStreams> cluster(
      int count, RoomSettings settings, List<RoomDelivery> deliveries) {
    List<RoomStreams> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RedisEngine engine = engine(REDIS);
      engines.add(engine);
      nodes.add(new RedisRoomStreams(settings, engine, deliveries.get(i)));
    }
    return nodes;
  }

  /** Redis loses a stream when it restarts without persistence; every key goes. */
  @Override
  protected void loseStream(String roomId, List<RoomStreams> nodes) throws Exception {
    REDIS.command("FLUSHALL");
  }
}
