package io.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.registry.UserDirectory;
import io.switchboard.registry.UserDirectoryContract;
import io.switchboard.support.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract against a real redis-server, each {@link #node()} a node of its own (its own engine
 * and lease) sharing that server; plus what only a cluster has: a dead node's connections.
 */
class RedisUserDirectoryTest extends UserDirectoryContract {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private final List<RedisEngine> engines = new ArrayList<>();

  @Override
  protected UserDirectory node() {
    RedisEngine engine = engine();
    return new RedisUserDirectory(engine, lease(engine, Duration.ofMinutes(1)));
  }

  @AfterEach
  void shutdown() {
    engines.forEach(RedisEngine::shutdown);
  }

  @Test
  void theConnectionsOfANodeWhoseLeaseLapsedNeitherCountNorHoldSlots() throws Exception {
    RedisEngine engine = engine();
    NodeLease dying = lease(engine, Duration.ofMinutes(1));
    UserDirectory dead = new RedisUserDirectory(engine, dying);
    UserDirectory alive = node();
    dead.admit("carol", "c1", 1).toCompletableFuture().get(5, TimeUnit.SECONDS);

    REDIS.command("DEL", dying.key());

    assertThat(alive.connections("carol").toCompletableFuture().get(5, TimeUnit.SECONDS)).isZero();
    assertThat(alive.admit("carol", "c2", 1).toCompletableFuture().get(5, TimeUnit.SECONDS))
        .isTrue();
    assertThat(REDIS.command("HKEYS", "sb:u:carol")).isEqualTo("c2");
  }

  private RedisEngine engine() {
    RedisEngine engine = RedisEngineTest.connect(REDIS);
    engines.add(engine);
    return engine;
  }

  private static NodeLease lease(RedisEngine engine, Duration length) {
    NodeLease lease = new NodeLease(engine, length);
    try {
      lease.renew().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("lease not taken", e);
    }
    return lease;
  }
}
