package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Undeploying the hub tells every client to come back later, each after its own delay. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShutdownIT {

  private static final String HUB = "hub";

  @Deployment(name = HUB, managed = false, testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource Deployer deployer;

  @BeforeEach
  void deploy() {
    deployer.deploy(HUB);
  }

  @Test
  void undeployingDrainsEveryClientWithAJitteredRetryAndGoingAway(
      @ArquillianResource @OperateOnDeployment(HUB) URL base) {
    List<HubClient> clients = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      clients.add(HubClient.connect(Hub.ws(base)));
    }

    deployer.undeploy(HUB);

    Set<Long> delays = new HashSet<>();
    for (HubClient client : clients) {
      JsonObject draining = client.await("server.draining").getJsonObject("payload");
      delays.add(draining.getJsonNumber("retry_after_ms").longValue());
      var reason = client.awaitClose();
      assertThat(reason.getCloseCode().getCode()).isEqualTo(1001);
    }
    assertThat(delays).as("reconnects are spread out").hasSizeGreaterThan(1);
    assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(1000L, 11_000L));
  }
}
