package io.switchboard.cluster;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * This node's lease in Redis: {@code sb:node:<id>} set with an expiry of the lease, renewed well
 * within it, and the id in the zset {@code sb:nodes} (score: when the lease was last renewed, in
 * Redis's milliseconds) so survivors find the nodes whose lease lapsed. The id is new on every
 * start, so a node that comes back never inherits the state its previous life left behind.
 */
public final class NodeLease {

  private static final RedisScript CLAIM =
      RedisScript.load(NodeLease.class, "lease-claim.lua", ScriptOutputType.MULTI);

  private final RedisEngine engine;
  private final String id;
  private final Duration lease;

  /** The lease of the engine's node ({@link RedisEngine#nodeId}): one id per node and start. */
  public NodeLease(RedisEngine engine, Duration lease) {
    this(engine, engine.nodeId(), lease);
  }

  NodeLease(RedisEngine engine, String id, Duration lease) {
    this.engine = engine;
    this.id = id;
    this.lease = lease;
  }

  public String id() {
    return id;
  }

  /** The key whose presence says this node is alive. */
  public String key() {
    return "sb:node:" + id;
  }

  /** Sets (or renews) the lease; completes once Redis holds it. */
  public CompletionStage<Void> renew() {
    return engine
        .commands()
        .psetex(key(), lease.toMillis(), "1")
        .thenCompose(ok -> engine.commands().time())
        .thenCompose(
            time ->
                engine
                    .commands()
                    .zadd(
                        "sb:nodes",
                        Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000,
                        id))
        .thenApply(added -> null);
  }

  /**
   * Claims the nodes whose lease lapsed (not renewed within a lease): each is returned to exactly
   * one caller in the cluster, which then takes its state out.
   */
  public CompletionStage<List<String>> claimLapsed() {
    return engine
        .<List<Object>>eval(CLAIM, new String[] {"sb:nodes"})
        .thenApply(ids -> ids.stream().map(String.class::cast).toList());
  }

  /** Gives the lease up (a node stopping): the others take its state out at their next sweep. */
  public void release() {
    try {
      engine.commands().del(key());
    } catch (RuntimeException e) {
      // the engine is already closed: the lease lapses by itself
    }
  }
}
