package io.switchboard.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link UserDirectory} of this node alone: each user's connection ids, changed inside {@code
 * compute} on the user's entry, so admission is atomic. An entry exists while the user has a
 * connection. Every stage it returns is already complete. A bean of its own class only: the
 * cluster's {@code DirectorySelection} chooses.
 */
@ApplicationScoped
@Typed(MemoryUserDirectory.class)
public class MemoryUserDirectory implements UserDirectory {

  private final ConcurrentHashMap<String, Set<String>> byUser = new ConcurrentHashMap<>();
  private final Set<String> connections = ConcurrentHashMap.newKeySet();

  @Override
  public CompletionStage<Boolean> admit(String userId, String connectionId, int maxPerUser) {
    Set<String> ids =
        byUser.compute(
            userId,
            (user, set) -> {
              Set<String> admitted = set == null ? ConcurrentHashMap.newKeySet() : set;
              if (admitted.size() < maxPerUser) {
                admitted.add(connectionId);
              }
              return admitted.isEmpty() ? null : admitted;
            });
    boolean added = ids != null && ids.contains(connectionId);
    if (added) {
      connections.add(connectionId);
    }
    return CompletableFuture.completedFuture(added);
  }

  @Override
  public CompletionStage<Void> remove(String userId, String connectionId) {
    byUser.computeIfPresent(
        userId,
        (user, ids) -> {
          if (ids.remove(connectionId)) {
            connections.remove(connectionId);
          }
          return ids.isEmpty() ? null : ids;
        });
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Boolean> isConnected(String connectionId) {
    return CompletableFuture.completedFuture(connections.contains(connectionId));
  }

  @Override
  public CompletionStage<Integer> connections(String userId) {
    Set<String> ids = byUser.get(userId);
    return CompletableFuture.completedFuture(ids == null ? 0 : ids.size());
  }
}
