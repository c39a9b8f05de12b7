package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs with WS_HEARTBEAT_INTERVAL=1, WS_HEARTBEAT_TIMEOUT=10 and WS_IDLE_TIMEOUT=12 (set by the
 * build in the server's environment), so seconds stand in for the production minutes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HeartbeatIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void theServerPingsWithAMessageIdTheClientCanAnswer() {
    try (HubClient client = HubClient.connect(Hub.ws(base), false)) {
      JsonObject ping = client.await("heartbeat.ping", Duration.ofSeconds(5));

      assertThat(ping.getString("message_id")).isNotBlank();
      assertThat(ping.isNull("sender_id")).isTrue();
    }
  }

  @Test
  void aClientThatNeverAnswersPingsIsClosedWithHeartbeatTimeout() {
    try (HubClient silent = HubClient.connect(Hub.ws(base), false)) {
      var reason = silent.awaitClose(Duration.ofSeconds(25));

      assertThat(reason.getCloseCode().getCode()).isEqualTo(4000);
      assertThat(reason.getReasonPhrase()).isEqualTo("heartbeat timeout");
    }
  }

  @Test
  void aClientThatAnswersPingsOutlivesTheIdleTimeout() {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      client.awaitPingsAnswered(14, Duration.ofSeconds(30));

      assertThat(client.isOpen()).isTrue();
      client.sync();
    }
  }
}
