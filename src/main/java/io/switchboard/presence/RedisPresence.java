package io.switchboard.presence;

import io.lettuce.core.ScriptOutputType;
import io.switchboard.cluster.NodeLease;
import io.switchboard.cluster.RedisEngine;
import io.switchboard.cluster.RedisScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Presence} shared by every node through Redis. Per room (keys under {@code sb:p:{<room>}:},
 * one hash tag): {@code users} (user to connection count, all nodes), {@code nodes} ({@code
 * user|node} to count, so a dead node's share can be taken out), {@code order} (arrival order for
 * the bounded roster) and {@code held} (a user's held-back departure); and one zset {@code
 * sb:p:departures} of departures by due time. Every change is one script, so counts never race
 * across nodes; grace periods run on Redis's clock ({@code TIME}), so nodes' clocks do not matter;
 * {@link #due} claims each departure in a script, so exactly one node announces it.
 */
public final class RedisPresence implements Presence {

  static final String DEPARTURES = "sb:p:departures";
  private static final int DUE_BATCH = 512;

  private static final RedisScript ARRIVE = script("presence-arrive.lua", ScriptOutputType.INTEGER);
  private static final RedisScript DEPART = script("presence-depart.lua", ScriptOutputType.INTEGER);
  private static final RedisScript DUE = script("presence-due.lua", ScriptOutputType.MULTI);
  private static final RedisScript REAP = script("presence-reap.lua", ScriptOutputType.INTEGER);
  private static final RedisScript SNAPSHOT =
      script("presence-snapshot.lua", ScriptOutputType.MULTI);

  private final RedisEngine engine;
  private final NodeLease node;

  /** Rooms whose users changed through this node since the last sweep. */
  private final Set<String> changed = ConcurrentHashMap.newKeySet();

  public RedisPresence(RedisEngine engine, NodeLease node) {
    this.engine = engine;
    this.node = node;
  }

  @Override
  public CompletionStage<Boolean> arrive(String roomId, String userId, String connectionId) {
    changed.add(roomId);
    return engine
        .<Long>eval(ARRIVE, keys(roomId), userId, node.id(), roomId, connectionId)
        .thenApply(announce -> announce == 1L);
  }

  @Override
  public CompletionStage<Boolean> depart(
      String roomId, String userId, String connectionId, Duration grace) {
    changed.add(roomId);
    return engine
        .<Long>eval(
            DEPART,
            keys(roomId),
            userId,
            node.id(),
            connectionId,
            Long.toString(grace.toMillis()),
            roomId)
        .thenApply(announce -> announce == 1L);
  }

  @Override
  public CompletionStage<List<Gone>> due() {
    return engine
        .<List<Object>>eval(DUE, new String[] {DEPARTURES}, Integer.toString(DUE_BATCH))
        .thenApply(
            reply -> {
              List<Gone> gone = new ArrayList<>();
              for (int i = 0; i + 1 < reply.size(); i += 2) {
                String[] departure = ((String) reply.get(i)).split("\n", 3);
                gone.add(
                    new Gone(
                        departure[0],
                        departure[1],
                        departure[2],
                        ((Long) reply.get(i + 1)).intValue()));
              }
              return gone;
            });
  }

  /**
   * Takes the share of {@code deadNode} (whose lease this node claimed) out of every room: its
   * users without a connection elsewhere get a departure held back for {@code grace}, as if their
   * last connection had closed, so {@link #due} announces them after it unless they reconnect
   * first.
   */
  public CompletionStage<Void> reap(String deadNode, Duration grace) {
    return engine
        .<Long>eval(
            REAP,
            new String[0],
            deadNode,
            Long.toString(grace.toMillis()),
            Integer.toString(DUE_BATCH))
        .thenCompose(
            left -> left > 0 ? reap(deadNode, grace) : CompletableFuture.completedFuture(null));
  }

  @Override
  public CompletionStage<Void> forgetDeadNodes(Duration grace) {
    return node.claimLapsed()
        .thenCompose(
            dead ->
                CompletableFuture.allOf(
                    dead.stream()
                        .map(id -> reap(id, grace).toCompletableFuture())
                        .toArray(CompletableFuture[]::new)));
  }

  @Override
  public CompletionStage<List<String>> changedLargeRooms(int threshold) {
    List<CompletableFuture<String>> large = new ArrayList<>();
    for (String roomId : changed) {
      changed.remove(roomId);
      large.add(
          snapshot(roomId, 0)
              .thenApply(users -> users.userCount() > threshold ? roomId : null)
              .toCompletableFuture());
    }
    return CompletableFuture.allOf(large.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> large.stream().map(CompletableFuture::join).filter(r -> r != null).toList());
  }

  @Override
  public CompletionStage<Snapshot> snapshot(String roomId, int limit) {
    return engine
        .<List<Object>>eval(
            SNAPSHOT,
            new String[] {key(roomId, "users"), key(roomId, "order")},
            Integer.toString(limit))
        .thenApply(
            reply -> {
              Map<String, Integer> users = new LinkedHashMap<>();
              for (int i = 1; i + 1 < reply.size(); i += 2) {
                users.put((String) reply.get(i), ((Long) reply.get(i + 1)).intValue());
              }
              return new Snapshot(((Long) reply.get(0)).intValue(), users);
            });
  }

  private String[] keys(String roomId) {
    return new String[] {
      key(roomId, "users"),
      key(roomId, "n:" + node.id()),
      key(roomId, "order"),
      key(roomId, "held"),
      key(roomId, "arrivals"),
      DEPARTURES,
      key(roomId, "c:" + node.id())
    };
  }

  private static String key(String roomId, String part) {
    return "sb:p:{" + roomId + "}:" + part;
  }

  private static RedisScript script(String name, ScriptOutputType output) {
    return RedisScript.load(RedisPresence.class, name, output);
  }
}
