package io.switchboard.it.optional;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Handshake.Carrier;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Refusal;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code WS_AUTH_MODE=optional}, the embedded run's mode. The build gives this server an ES256 key
 * inline ({@code MP_JWT_VERIFY_PUBLICKEY}), {@code WS_GUEST_ROOMS=public.*,lobby}, no Origin
 * allow-list (same origin only) and {@code WS_DEV_TOKENS=true}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OptionalAuthIT {

  private static final String PROBE = "{\"type\":\"message.text\",\"payload\":{\"text\":\"x\"}}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private String es256(String user, String... groups) {
    return Tokens.forUser(user).groups(groups).signedWith("ES256", Tokens.EC_1).sign();
  }

  @Test
  void aClientWithoutTokenIsAGuestAsInTheQuickstart() {
    try (HubClient guest = HubClient.connect(Hub.ws(base), Handshake.anonymous())) {
      JsonObject payload = guest.established().getJsonObject("payload");
      assertThat(guest.userId()).matches("guest-[0-9a-f]{12}");
      assertThat(payload.getJsonArray("groups")).isEmpty();
      assertThat(payload.isNull("expires_at")).isTrue();

      guest.join("lobby");
      guest.await("room.joined");
      guest.broadcast(
          "lobby", Json.createObjectBuilder().add("text", "Hello room!").build(), false);
      assertThat(guest.await("room.broadcast").getString("sender_id")).isEqualTo(guest.userId());
    }
  }

  @Test
  void guestsAreKeptToTheGuestRoomsAndCannotTakeAToken() {
    try (HubClient guest = HubClient.connect(Hub.ws(base), Handshake.anonymous())) {
      String join = guest.join("chat_general");
      assertThat(guest.awaitErrorCode(join)).isEqualTo("forbidden");

      String refresh =
          guest.send(
              "auth.refresh", Json.createObjectBuilder().add("token", es256("upgrader")).build());
      assertThat(guest.awaitErrorCode(refresh)).isEqualTo("forbidden");
    }
  }

  @Test
  void aValidEs256TokenFromTheInlineKeyAuthenticates() {
    try (HubClient erin =
        HubClient.connect(
            Hub.ws(base), Handshake.withToken(es256("erin", "staff")).via(Carrier.QUERY))) {
      assertThat(erin.userId()).isEqualTo("erin");
      erin.join("chat_general");
      erin.await("room.joined");
    }
  }

  @Test
  void aBadTokenIsStillRefused() {
    String expired =
        Tokens.forUser("late")
            .expiresAt(Instant.now().minusSeconds(300))
            .signedWith("ES256", Tokens.EC_1)
            .sign();
    for (String token : new String[] {expired, Tokens.valid()}) {
      Refusal refusal = Refusal.of(Hub.ws(base), Handshake.withToken(token), PROBE);
      System.out.println("[handshake/optional] -> " + refusal.describe());
      assertThat(refusal.beforeUpgrade() ? refusal.httpStatus() : refusal.closeCode())
          .isIn(401, 1008);
    }
  }

  @Test
  void withoutAnAllowListOnlyTheSameOriginIsAdmitted() {
    String self = "http://localhost:" + base.getPort();
    try (HubClient page = HubClient.connect(Hub.ws(base), Handshake.anonymous().origin(self))) {
      page.sync();
    }
    Refusal foreign =
        Refusal.of(Hub.ws(base), Handshake.anonymous().origin("https://evil.example"), PROBE);
    System.out.println("[handshake/optional] foreign origin -> " + foreign.describe());
    if (foreign.beforeUpgrade()) {
      assertThat(foreign.httpStatus()).isEqualTo(403);
    } else {
      assertThat(foreign.closeCode()).isEqualTo(1008);
      assertThat(foreign.reason()).isEqualTo("forbidden: origin not allowed");
    }
  }

  @Test
  void theDevelopmentEndpointMintsTokensTheHubAccepts() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(Hub.http(base, "dev/token?user=dana&groups=admin,ops"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject minted = Json.createReader(new StringReader(response.body())).readObject();

    try (HubClient dana =
        HubClient.connect(
            Hub.ws(base),
            Handshake.withToken(minted.getString("access_token")).via(Carrier.SUBPROTOCOL))) {
      assertThat(dana.userId()).isEqualTo("dana");
      assertThat(
              dana.established()
                  .getJsonObject("payload")
                  .getJsonArray("groups")
                  .getValuesAs(JsonString::getString))
          .containsExactly("admin", "ops");
    }
  }
}
