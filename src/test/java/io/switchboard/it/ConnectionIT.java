package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConnectionIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void openingAConnectionConfirmsItsIdentityLimitsAndHeartbeat() {
    Instant exp = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
    String token = Tokens.forUser("alice").groups("user", "ops").expiresAt(exp).sign();
    try (HubClient client = HubClient.connect(Hub.ws(base), Handshake.withToken(token))) {
      JsonObject established = client.established();
      JsonObject payload = established.getJsonObject("payload");
      assertThat(established.get("sender_id").toString()).isEqualTo("null");
      assertThat(payload.getString("connection_id")).isNotBlank();
      assertThat(payload.getString("user_id")).isEqualTo("alice");
      assertThat(payload.getJsonArray("groups").getValuesAs(JsonString::getString))
          .containsExactly("ops", "user");
      assertThat(Instant.parse(payload.getString("expires_at"))).isEqualTo(exp);
      assertThat(
              Duration.between(Instant.parse(payload.getString("server_time")), Instant.now())
                  .abs())
          .isLessThan(Duration.ofMinutes(1));
      assertThat(payload.getJsonObject("limits").getInt("max_message_size")).isEqualTo(1_048_576);
      assertThat(payload.getJsonObject("limits").getInt("message_queue_depth")).isEqualTo(100);
      assertThat(payload.getJsonObject("heartbeat").getInt("interval_seconds"))
          .as("WS_HEARTBEAT_INTERVAL set in the server's environment by the build")
          .isEqualTo(1);
    }
  }

  @Test
  void everyConnectionGetsItsOwnIdentity() {
    try (HubClient a = HubClient.connect(Hub.ws(base));
        HubClient b = HubClient.connect(Hub.ws(base))) {
      assertThat(a.connectionId()).isNotEqualTo(b.connectionId());
      assertThat(a.userId()).isNotEqualTo(b.userId());
    }
  }

  @Test
  void aTextMessageIsEchoedToTheSenderStampedByTheServer() {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      String sent =
          client.send(
              "message.text", Json.createObjectBuilder().add("text", "Hello from Java!").build());
      JsonObject echo = client.await("message.text");
      assertThat(echo.getJsonObject("payload").getString("text")).isEqualTo("Hello from Java!");
      assertThat(echo.getString("message_id")).isNotEqualTo(sent);
      assertThat(echo.getString("sender_id")).isEqualTo(client.userId());
      assertThat(echo.getString("timestamp")).endsWith("Z");
    }
  }

  @Test
  void aClaimedSenderIdIsNeverRelayed() {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      client.sendRaw(
          "{\"type\":\"message.text\",\"sender_id\":\"admin\",\"payload\":{\"text\":\"hi\"}}");
      assertThat(client.await("message.text").getString("sender_id")).isEqualTo(client.userId());
    }
  }

  @Test
  void aClientClosingNormallyGetsItsCloseAcknowledged() {
    HubClient client = HubClient.connect(Hub.ws(base));
    client.close();
    assertThat(client.awaitClose().getCloseCode().getCode()).isEqualTo(1000);
  }
}
