package io.switchboard.health;

import io.switchboard.cluster.RedisEngine;
import io.switchboard.config.ClusterMode;
import io.switchboard.config.HubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the cluster's engine is reachable: with {@code WS_CLUSTER=redis}, down while either
 * Redis connection is lost, so a load balancer sends new clients to nodes that can serve rooms.
 * Connections already open stay open meanwhile (liveness is not affected). A local node has no
 * engine and is always up here.
 */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

  @Inject HubConfig config;
  @Inject Instance<RedisEngine> engine;

  @Override
  public HealthCheckResponse call() {
    ClusterMode mode = config.settings().cluster().mode();
    if (mode != ClusterMode.REDIS) {
      return HealthCheckResponse.named("switchboard-cluster")
          .up()
          .withData("cluster", mode.wireName())
          .build();
    }
    RedisEngine redis = engine.get();
    return HealthCheckResponse.named("switchboard-cluster")
        .status(redis.isUp())
        .withData("cluster", mode.wireName())
        .withData("redis", redis.target())
        .withData("redis_up", redis.isUp())
        .build();
  }
}
