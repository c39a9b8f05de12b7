package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The default limit: 60 frames a minute per connection and per user, as in the seeds. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RateLimitIT {

  private static final int LIMIT = 60;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private static JsonObject text(int n) {
    return Json.createObjectBuilder().add("text", "m" + n).build();
  }

  /**
   * The limit is spent first and its echoes read, because {@code rate_limited} is advisory and shed
   * like other ephemeral frames while the client is behind on reading. The bucket refills one token
   * a second, so on a slow machine a frame after the limit may still find a token: the first
   * refusal must come no earlier than the limit.
   */
  @Test
  void aFrameOverTheLimitGetsRetryAfterAndTheConnectionStaysOpen() {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      List<String> sent = new ArrayList<>();
      for (int n = 0; n < LIMIT; n++) {
        sent.add(client.send("message.text", text(n)));
      }
      for (int n = 0; n < LIMIT; n++) {
        assertThat(client.await("message.text").getJsonObject("payload").getString("text"))
            .isEqualTo("m" + n);
      }
      for (int n = LIMIT; n < LIMIT + 10; n++) {
        sent.add(client.send("message.text", text(n)));
      }

      JsonObject error = client.await("error").getJsonObject("payload");
      assertThat(error.getString("code")).isEqualTo("rate_limited");
      assertThat(sent.indexOf(error.getString("ref_message_id"))).isGreaterThanOrEqualTo(LIMIT);
      assertThat(error.getJsonNumber("retry_after_ms").longValue()).isBetween(1L, 1000L);
      assertThat(client.isOpen()).isTrue();
    }
  }

  @Test
  void aClientThatKeepsFloodingIsClosedWithRateLimitAbuse() {
    try (HubClient flooder = HubClient.connect(Hub.ws(base));
        HubClient bystander = HubClient.connect(Hub.ws(base))) {
      for (int n = 0; n < 3 * LIMIT && flooder.isOpen(); n++) {
        flooder.sendRaw("{\"type\":\"message.text\",\"payload\":{\"text\":\"flood\"}}");
      }

      var reason = flooder.awaitClose();
      assertThat(reason.getCloseCode().getCode()).isEqualTo(4004);
      bystander.sync();
    }
  }
}
