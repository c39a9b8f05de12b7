package io.switchboard.it.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 000's Python clients (Steps 3 to 5), frame for frame, with the HS256 token its Step 5 signs
 * ({@code jwt.encode({"sub": …, "exp": …}, SECRET_KEY, algorithm="HS256")}) in the {@code
 * Authorization} header, against a hub given the same secret ({@code WS_JWT_SECRET}). Only the URL
 * differs. See docs/seeds.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Seed000QuickstartIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private HubClient connect(String user) {
    return HubClient.connect(Hub.ws(base), Handshake.withToken(Tokens.fastApiHs256(user)));
  }

  private static String now() {
    return Instant.now().toString();
  }

  @Test
  void step3TheClientIsGreetedWithItsConnectionIdAndItsTextIsEchoed() {
    try (HubClient ws = connect(Tokens.uniqueUser())) {
      assertThat(ws.established().getJsonObject("payload").getString("connection_id")).isNotBlank();

      ws.sendRaw(
          "{\"type\": \"message.text\", \"payload\": {\"text\": \"Hello from Python!\"},"
              + " \"timestamp\": \""
              + now()
              + "\"}");

      JsonObject response = ws.await("message.text");
      assertThat(response.getJsonObject("payload").getString("text"))
          .isEqualTo("Hello from Python!");
    }
  }

  @Test
  void step4TheClientJoinsChatGeneralAndReceivesItsOwnBroadcast() {
    try (HubClient ws = connect(Tokens.uniqueUser())) {
      ws.sendRaw(
          "{\"type\": \"room.join\", \"message_id\": \""
              + UUID.randomUUID()
              + "\", \"timestamp\": \""
              + now()
              + "\", \"sender_id\": \"client\", \"payload\": {\"room_id\": \"chat_general\"}}");
      assertThat(ws.await("room.joined").getJsonObject("payload").getString("room_id"))
          .isEqualTo("chat_general");

      ws.sendRaw(
          "{\"type\": \"room.broadcast\", \"message_id\": \""
              + UUID.randomUUID()
              + "\", \"timestamp\": \""
              + now()
              + "\", \"sender_id\": \"client\", \"payload\": {\"room_id\": \"chat_general\","
              + " \"message\": {\"type\": \"message.text\", \"text\": \"Hello room!\"},"
              + " \"exclude_sender\": false}}");

      JsonObject echo = ws.await("room.broadcast").getJsonObject("payload");
      assertThat(echo.getJsonObject("message").getString("text")).isEqualTo("Hello room!");
      assertThat(echo.getString("room_id")).isEqualTo("chat_general");
    }
  }

  @Test
  void step5TheBearerHs256TokenAuthenticatesItsSubject() {
    String user = Tokens.uniqueUser();
    try (HubClient ws = connect(user)) {
      JsonObject connected = ws.established().getJsonObject("payload");

      assertThat(connected.getString("user_id")).isEqualTo(user);
      assertThat(connected.getString("expires_at")).isNotBlank();
    }
  }

  @Test
  void anHs256TokenSignedWithAnotherSecretIsRefusedAsStep5Expects() {
    String forged =
        Tokens.forUser("a")
            .header("kid", null)
            .signedWith(
                "HS256",
                new org.jose4j.keys.HmacKey(
                    "not-the-secret-but-long-enough-for-hs256"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .sign();

    assertThat(
            io.switchboard.support.Refusal.of(Hub.ws(base), Handshake.withToken(forged), "{}")
                .describe())
        .containsAnyOf("HTTP 401", "1008 unauthorized: bad signature");
  }
}
