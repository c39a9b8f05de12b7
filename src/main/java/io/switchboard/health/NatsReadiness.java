package io.switchboard.health;

import io.switchboard.bridge.NatsLink;
import io.switchboard.bridge.inbound.NatsInbound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The NATS bridge's part of readiness: when {@code WS_NATS_URL} is set, the node is not ready while
 * its NATS connection is down or its JetStream consumer is not reading, since backends' messages
 * cannot reach its clients and app messages are refused meanwhile. Always up when the bridge is
 * off.
 */
@Readiness
@ApplicationScoped
public class NatsReadiness implements HealthCheck {

  @Inject NatsLink link;
  @Inject NatsInbound inbound;

  @Override
  public HealthCheckResponse call() {
    if (!link.enabled()) {
      return HealthCheckResponse.named("switchboard-nats").up().withData("enabled", false).build();
    }
    return HealthCheckResponse.named("switchboard-nats")
        .status(link.isConnected() && inbound.attached())
        .withData("enabled", true)
        .withData("connected", link.isConnected())
        .withData("consuming", inbound.attached())
        .withData("reconnects", link.reconnects())
        .build();
  }
}
