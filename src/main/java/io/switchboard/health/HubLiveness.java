package io.switchboard.health;

import io.switchboard.heartbeat.Heartbeat;
import io.switchboard.registry.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the heartbeat sweep runs: it is the one task that pings clients and closes dead, idle
 * and expired connections, and a node without it would hold connections nobody supervises. A
 * restart is the cure, which is what a failing liveness check asks for.
 */
@Liveness
@ApplicationScoped
public class HubLiveness implements HealthCheck {

  @Inject Heartbeat heartbeat;
  @Inject Connections connections;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("switchboard-heartbeat")
        .status(heartbeat.isRunning())
        .withData("connections", connections.count())
        .build();
  }
}
