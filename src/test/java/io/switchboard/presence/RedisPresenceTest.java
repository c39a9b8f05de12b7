package io.switchboard.presence;

import io.switchboard.cluster.NodeLease;
import io.switchboard.cluster.RedisEngine;
import io.switchboard.config.ClusterMode;
import io.switchboard.config.ClusterSettings;
import io.switchboard.support.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract against a real redis-server, each {@link #node()} a node of its own (its own engine
 * and lease) sharing that server.
 */
class RedisPresenceTest extends PresenceContract {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private final List<RedisEngine> engines = new ArrayList<>();

  @Override
  protected Presence node() {
    RedisEngine engine =
        new RedisEngine(
            new ClusterSettings(ClusterMode.REDIS, REDIS.url(), Duration.ofSeconds(2), 1000),
            Executors.defaultThreadFactory());
    engines.add(engine);
    return new RedisPresence(engine, new NodeLease(engine, Duration.ofMinutes(1)));
  }

  @AfterEach
  void shutdown() {
    engines.forEach(RedisEngine::shutdown);
  }
}
