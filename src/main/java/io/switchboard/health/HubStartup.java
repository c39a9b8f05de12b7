package io.switchboard.health;

import io.switchboard.heartbeat.Heartbeat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the application has initialised: settings validated, keys loaded (both fail the
 * deployment otherwise) and the heartbeat sweep scheduled.
 */
@Startup
@ApplicationScoped
public class HubStartup implements HealthCheck {

  @Inject Heartbeat heartbeat;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("switchboard-started").status(heartbeat.isRunning()).build();
  }
}
