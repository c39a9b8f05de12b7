package io.switchboard.registry;

import java.util.concurrent.CompletionStage;

/**
 * Where each user's connections are, across every node, and the per-user connection limit ({@code
 * WS_MAX_CONNECTIONS_PER_USER}) that holds across them: the seam between a node and wherever that
 * index lives ({@link MemoryUserDirectory} on one node; a shared store for a cluster). The node's
 * own limit, {@code WS_MAX_CONNECTIONS}, stays with {@link Connections}.
 *
 * <p>Guarantees every implementation keeps (checked by {@code UserDirectoryContract}): admission is
 * atomic, so concurrent handshakes on any nodes never take a user past the limit; a removed
 * connection frees its slot at once for every node; removing is idempotent; counts include every
 * node's connections.
 *
 * <p>Every call returns at once; no caller waits for a store. When the store is unreachable the
 * returned stage completes exceptionally and nothing is registered.
 */
public interface UserDirectory {

  /**
   * Registers {@code connectionId} of {@code userId}; completes with false, registering nothing,
   * when the user already has {@code maxPerUser} connections anywhere.
   */
  CompletionStage<Boolean> admit(String userId, String connectionId, int maxPerUser);

  /** Forgets the connection; nothing happens for a connection that is not registered. */
  CompletionStage<Void> remove(String userId, String connectionId);

  /** How many connections the user has now, on every node together. */
  CompletionStage<Integer> connections(String userId);

  /** Whether the connection is open now, on any node. */
  CompletionStage<Boolean> isConnected(String connectionId);
}
