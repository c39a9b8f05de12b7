package io.switchboard.cluster;

import io.switchboard.config.ClusterMode;
import io.switchboard.config.HubConfig;
import io.switchboard.registry.MemoryUserDirectory;
import io.switchboard.registry.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The one place that chooses the {@link UserDirectory} by {@code WS_CLUSTER}: {@code local} gives
 * {@link MemoryUserDirectory}, {@code redis} a {@link RedisUserDirectory} on this node's engine and
 * lease, so {@code WS_MAX_CONNECTIONS_PER_USER} holds across the cluster.
 */
@ApplicationScoped
public class DirectorySelection {

  @Inject HubConfig config;
  @Inject Instance<MemoryUserDirectory> memory;
  @Inject Instance<RedisEngine> engine;
  @Inject Instance<ClusterNode> node;

  @Produces
  @ApplicationScoped
  UserDirectory directory() {
    return config.settings().cluster().mode() == ClusterMode.REDIS
        ? new RedisUserDirectory(engine.get(), node.get().lease())
        : memory.get();
  }
}
