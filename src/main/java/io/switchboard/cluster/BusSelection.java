package io.switchboard.cluster;

import io.switchboard.config.ClusterMode;
import io.switchboard.config.HubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The one place that chooses the {@link Bus} by {@code WS_CLUSTER}: {@code local} gives {@link
 * LocalBus}, {@code redis} gives {@link RedisBus}. The implementations are beans of their own class
 * only ({@code @Typed}), so {@code @Inject Bus} is never ambiguous, and the one not chosen is never
 * created (no Redis connection on a local node).
 */
@ApplicationScoped
public class BusSelection {

  @Inject HubConfig config;
  @Inject Instance<LocalBus> local;
  @Inject Instance<RedisBus> redis;

  @Produces
  @ApplicationScoped
  Bus bus() {
    return redis() ? redis.get() : local.get();
  }

  /**
   * With Redis, connects when the application starts, not on a first connection's thread: a wrong
   * URL fails the deployment, and no container I/O thread ever waits for the connection.
   */
  void connectAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (redis()) {
      redis.get().toString();
    }
  }

  private boolean redis() {
    return config.settings().cluster().mode() == ClusterMode.REDIS;
  }
}
