package io.switchboard.presence;

import io.switchboard.cluster.ClusterNode;
import io.switchboard.cluster.RedisEngine;
import io.switchboard.config.ClusterMode;
import io.switchboard.config.HubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The one place that chooses {@link Presence} by {@code WS_CLUSTER}: {@code local} gives {@link
 * MemoryPresence}, {@code redis} a {@link RedisPresence} on this node's engine and lease. The
 * implementations are not beans of type {@code Presence}, so {@code @Inject Presence} is never
 * ambiguous.
 */
@ApplicationScoped
public class PresenceSelection {

  @Inject HubConfig config;
  @Inject Instance<MemoryPresence> memory;
  @Inject Instance<RedisEngine> engine;
  @Inject Instance<ClusterNode> node;

  @Produces
  @ApplicationScoped
  Presence presence() {
    return config.settings().cluster().mode() == ClusterMode.REDIS
        ? new RedisPresence(engine.get(), node.get().lease())
        : memory.get();
  }
}
