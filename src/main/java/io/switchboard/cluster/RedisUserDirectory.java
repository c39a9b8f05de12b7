package io.switchboard.cluster;

import io.lettuce.core.ScriptOutputType;
import io.switchboard.registry.UserDirectory;
import java.util.concurrent.CompletionStage;

/**
 * {@link UserDirectory} shared by every node through Redis: the hash {@code sb:u:<user>} maps each
 * of the user's connections to its node, and {@code sb:c} maps every connection to its node (for
 * deliveries to one connection). Admission is one script, so concurrent handshakes on any nodes
 * cannot take a user past the limit; a connection of a node whose {@link NodeLease} lapsed no
 * longer counts and is pruned by the next admission.
 */
public final class RedisUserDirectory implements UserDirectory {

  private static final RedisScript ADMIT =
      RedisScript.load(RedisUserDirectory.class, "directory-admit.lua", ScriptOutputType.INTEGER);
  private static final RedisScript CONNECTED =
      RedisScript.load(
          RedisUserDirectory.class, "directory-connected.lua", ScriptOutputType.INTEGER);
  private static final RedisScript COUNT =
      RedisScript.load(RedisUserDirectory.class, "directory-count.lua", ScriptOutputType.INTEGER);

  private final RedisEngine engine;
  private final NodeLease node;

  public RedisUserDirectory(RedisEngine engine, NodeLease node) {
    this.engine = engine;
    this.node = node;
  }

  @Override
  public CompletionStage<Boolean> admit(String userId, String connectionId, int maxPerUser) {
    return engine
        .<Long>eval(
            ADMIT,
            new String[] {user(userId), "sb:c"},
            connectionId,
            node.id(),
            Integer.toString(maxPerUser))
        .thenApply(admitted -> admitted == 1L);
  }

  @Override
  public CompletionStage<Void> remove(String userId, String connectionId) {
    engine.commands().hdel("sb:c", connectionId);
    return engine.commands().hdel(user(userId), connectionId).thenApply(removed -> null);
  }

  @Override
  public CompletionStage<Integer> connections(String userId) {
    return engine.<Long>eval(COUNT, new String[] {user(userId)}).thenApply(Long::intValue);
  }

  @Override
  public CompletionStage<Boolean> isConnected(String connectionId) {
    return engine
        .<Long>eval(CONNECTED, new String[] {"sb:c"}, connectionId)
        .thenApply(connected -> connected == 1L);
  }

  private static String user(String userId) {
    return "sb:u:" + userId;
  }
}
