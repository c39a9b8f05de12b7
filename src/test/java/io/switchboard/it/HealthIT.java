package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hub's own checks appear in the server's MicroProfile Health endpoints, up while it serves.
 * (Readiness going down with a drain: {@code AdminDrainIT}.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void livenessReadinessAndStartupShowTheHubsChecksUp() throws Exception {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      HttpResponse<String> live = Hub.health(base, "live");
      HttpResponse<String> ready = Hub.health(base, "ready");
      HttpResponse<String> started = Hub.health(base, "started");

      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.body()).contains("switchboard-heartbeat").doesNotContain("DOWN");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("switchboard-connections").doesNotContain("DOWN");
      assertThat(started.statusCode()).isEqualTo(200);
      assertThat(started.body()).contains("switchboard-started").doesNotContain("DOWN");
    }
  }
}
