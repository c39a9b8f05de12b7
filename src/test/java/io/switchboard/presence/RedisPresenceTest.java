package io.switchboard.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.cluster.NodeLease;
import io.switchboard.cluster.RedisEngine;
import io.switchboard.config.ClusterMode;
import io.switchboard.config.ClusterSettings;
import io.switchboard.support.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
    return node(lease(Duration.ofMinutes(1)));
  }

  @Test
  void
      theUsersOfANodeWhoseLeaseLapsedAreGoneWithTheirConnectionAfterTheGraceUnlessTheyMovedToAnotherNode()
          throws Exception {
    NodeLease dying = lease(Duration.ofMillis(300));
    NodeLease surviving = lease(Duration.ofMinutes(1));
    RedisPresence dead = node(dying);
    RedisPresence survivor = node(surviving);
    String room = "room-" + UUID.randomUUID();
    dead.arrive(room, "alice", "alice-connection").toCompletableFuture().get(5, TimeUnit.SECONDS);
    dead.arrive(room, "bob", "bob-connection").toCompletableFuture().get(5, TimeUnit.SECONDS);
    survivor
        .arrive(room, "carol", "carol-connection")
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);

    List<String> claimed = awaitClaimed(surviving);
    survivor
        .reap(dying.id(), Duration.ofMillis(300))
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    survivor.arrive(room, "bob", "bob-connection").toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(claimed).containsExactly(dying.id());
    assertThat(survivor.snapshot(room, 10).toCompletableFuture().get(5, TimeUnit.SECONDS).users())
        .containsOnlyKeys("carol", "bob");
    List<Presence.Gone> gone = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (gone.isEmpty() && System.nanoTime() < deadline) {
      survivor.due().toCompletableFuture().get(5, TimeUnit.SECONDS).stream()
          .filter(g -> g.roomId().equals(room))
          .forEach(gone::add);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    assertThat(gone).containsExactly(new Presence.Gone(room, "alice", "alice-connection", 2));
  }

  @Test
  void anEmptiedRoomLeavesNoKeyBehind() throws Exception {
    NodeLease lease = lease(Duration.ofMinutes(1));
    RedisPresence node = node(lease);
    String room = "room-" + UUID.randomUUID();
    node.arrive(room, "alice", "alice-connection").toCompletableFuture().get(5, TimeUnit.SECONDS);

    node.depart(room, "alice", "c1", Duration.ZERO).toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(REDIS.command("KEYS", "sb:p:{" + room + "}:*")).isEmpty();
    assertThat(REDIS.command("SISMEMBER", "sb:p:rooms:" + lease.id(), room)).isEqualTo("0");
  }

  /** Waits until the dying lease lapses and this survivor claims it. */
  private static List<String> awaitClaimed(NodeLease survivor) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      List<String> claimed = survivor.claimLapsed().toCompletableFuture().get(5, TimeUnit.SECONDS);
      if (!claimed.isEmpty()) {
        return claimed;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    throw new AssertionError("no lapsed lease claimed within 10 s");
  }

  private RedisPresence node(NodeLease lease) {
    return new RedisPresence(engine(), lease);
  }

  private NodeLease lease(Duration length) {
    NodeLease lease = new NodeLease(engine(), length);
    try {
      lease.renew().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("lease not taken", e);
    }
    return lease;
  }

  private RedisEngine engine() {
    RedisEngine engine =
        new RedisEngine(
            new ClusterSettings(ClusterMode.REDIS, REDIS.url(), Duration.ofSeconds(2), 1000),
            Executors.defaultThreadFactory());
    engines.add(engine);
    return engine;
  }

  @AfterEach
  void shutdown() {
    engines.forEach(RedisEngine::shutdown);
  }
}
