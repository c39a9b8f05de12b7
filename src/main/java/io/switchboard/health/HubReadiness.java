package io.switchboard.health;

import io.switchboard.config.HubConfig;
import io.switchboard.node.Drain;
import io.switchboard.registry.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the node takes connections: down once a drain started (shutdown or the admin API), so
 * a load balancer stops sending clients here, and down while the node is full, since a new client
 * would only be refused with 1013. The hub has no external dependency on a single node (the {@code
 * LocalBus}; keys are read at startup or the deployment fails).
 */
@Readiness
@ApplicationScoped
public class HubReadiness implements HealthCheck {

  @Inject Drain drain;
  @Inject Connections connections;
  @Inject HubConfig config;

  @Override
  public HealthCheckResponse call() {
    boolean draining = drain.isDraining();
    int open = connections.count();
    int max = config.settings().maxConnections();
    return HealthCheckResponse.named("switchboard-connections")
        .status(!draining)
        .withData("draining", draining)
        .withData("connections", open)
        .withData("max_connections", max)
        .build();
  }
}
