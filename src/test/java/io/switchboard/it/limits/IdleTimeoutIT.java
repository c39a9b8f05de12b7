package io.switchboard.it.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.Json;
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
 * Runs on a server with pings off (WS_HEARTBEAT_INTERVAL=0) and WS_IDLE_TIMEOUT=3: the idle timeout
 * is then the only liveness check.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdleTimeoutIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void withPingsOffTheConnectionSaysSoAndASilentClientIsClosedAsIdle() {
    try (HubClient silent = HubClient.connect(Hub.ws(base))) {
      assertThat(
              silent
                  .established()
                  .getJsonObject("payload")
                  .getJsonObject("heartbeat")
                  .getInt("interval_seconds"))
          .isZero();

      var reason = silent.awaitClose(Duration.ofSeconds(15));

      assertThat(reason.getCloseCode().getCode()).isEqualTo(4001);
      assertThat(reason.getReasonPhrase()).isEqualTo("idle timeout");
    }
  }

  @Test
  void aClientThatKeepsSendingIsNotIdle() {
    try (HubClient chatty = HubClient.connect(Hub.ws(base))) {
      long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
      while (System.nanoTime() < until) {
        chatty.send("message.text", Json.createObjectBuilder().add("text", "still here").build());
        chatty.await("message.text");
        chatty.expectNothingFor(Duration.ofSeconds(1));
      }
      assertThat(chatty.isOpen()).isTrue();
    }
  }
}
