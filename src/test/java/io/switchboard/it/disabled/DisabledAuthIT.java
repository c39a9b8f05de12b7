package io.switchboard.it.disabled;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code WS_AUTH_MODE=disabled}: tokens are ignored and everyone is a guest. No key is set. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DisabledAuthIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @ParameterizedTest
  @ValueSource(strings = {"none", "valid", "garbage"})
  void everyClientIsAGuestWhateverItPresents(String kind) {
    Handshake handshake =
        switch (kind) {
          case "none" -> Handshake.anonymous();
          case "valid" -> Handshake.withToken(Tokens.forUser("alice").groups("admin").sign());
          default -> Handshake.withToken("garbage");
        };
    try (HubClient client = HubClient.connect(Hub.ws(base), handshake)) {
      assertThat(client.userId()).startsWith("guest-");
      assertThat(client.established().getJsonObject("payload").getJsonArray("groups")).isEmpty();
      client.join("chat_general");
      client.await("room.joined");
    }
  }

  @Test
  void aGuestCannotTakeAToken() {
    try (HubClient guest = HubClient.connect(Hub.ws(base), Handshake.anonymous())) {
      String id =
          guest.send(
              "auth.refresh", Json.createObjectBuilder().add("token", Tokens.valid()).build());
      assertThat(guest.awaitErrorCode(id)).isEqualTo("forbidden");
    }
  }
}
