package io.switchboard.health;

import io.switchboard.auth.PublishedKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The verification keys fetched from an identity provider's JWKS endpoint: down while the node
 * holds none (every token would be refused), up otherwise, even while fetches fail, since the keys
 * held still verify tokens; the failure shows in the data ({@code last_fetch_ok}, {@code
 * last_error}). Always up when the keys are not fetched from a URL.
 */
@Readiness
@ApplicationScoped
public class KeySetReadiness implements HealthCheck {

  @Inject PublishedKeys keys;

  @Override
  public HealthCheckResponse call() {
    PublishedKeys.Status status = keys.status();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("switchboard-keys").withData("from_url", status.configured());
    if (!status.configured()) {
      return response.up().build();
    }
    response
        .status(status.keys() > 0)
        .withData("keys", status.keys())
        .withData("last_fetch_ok", status.lastFetchOk())
        .withData("last_success", String.valueOf(status.lastSuccess()))
        .withData("last_attempt", String.valueOf(status.lastAttempt()));
    if (status.lastError() != null) {
      response.withData("last_error", status.lastError());
    }
    return response.build();
  }
}
