package io.switchboard.it.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Handshake.Carrier;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Refusal;
import io.switchboard.support.Tokens;
import jakarta.websocket.CloseReason;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 004's four ways to authenticate, as its clients do them: {@code ws://…/ws?token=…}, a {@code
 * session_id} cookie, an {@code Authorization: Bearer} header, and a first message {@code
 * {"type":"auth","token":"…"}}; a bad token closes with 1008, as the seed's server does. The tokens
 * are real JWTs (the seed's {@code "secret-token"} placeholder is not one). See docs/seeds.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Seed004AuthIT {

  private static final String BROWSER_PAGE = "https://app.switchboard.test";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private void assertConnectsAs(String user, Handshake handshake) {
    try (HubClient ws = HubClient.connect(Hub.ws(base), handshake)) {
      assertThat(ws.userId()).isEqualTo(user);
    }
  }

  @Test
  void method1TheTokenQueryParameter() {
    String user = Tokens.uniqueUser();
    assertConnectsAs(
        user,
        Handshake.withToken(Tokens.fastApiHs256(user)).via(Carrier.QUERY).queryParameter("token"));
  }

  @Test
  void method2TheSessionCookieFromTheAppsOrigin() {
    String user = Tokens.uniqueUser();
    assertConnectsAs(
        user,
        Handshake.withToken(Tokens.fastApiHs256(user))
            .via(Carrier.COOKIE)
            .cookieName("session_id")
            .origin(BROWSER_PAGE));
  }

  @Test
  void method3TheBearerHeader() {
    String user = Tokens.uniqueUser();
    assertConnectsAs(user, Handshake.withToken(Tokens.fastApiHs256(user)).via(Carrier.HEADER));
  }

  @Test
  void method4TheFirstMessageWithTheTokenAtTheTopLevel() {
    String user = Tokens.uniqueUser();
    try (HubClient ws = HubClient.open(Hub.ws(base), Handshake.anonymous())) {
      ws.sendRaw("{\"type\": \"auth\", \"token\": \"" + Tokens.fastApiHs256(user) + "\"}");

      assertThat(ws.awaitEstablished().getJsonObject("payload").getString("user_id"))
          .isEqualTo(user);
    }
  }

  @Test
  void method4AFirstMessageOfAnotherTypeClosesWith1008() {
    try (HubClient ws = HubClient.open(Hub.ws(base), Handshake.anonymous())) {
      ws.sendRaw("{\"type\": \"hello\"}");

      CloseReason reason = ws.awaitClose();
      assertThat(reason.getCloseCode().getCode()).isEqualTo(1008);
    }
  }

  @Test
  void anInvalidQueryTokenIsRefusedAsTheSeedsTestExpects() {
    Refusal refusal =
        Refusal.of(
            Hub.ws(base),
            Handshake.withToken("invalid").via(Carrier.QUERY).queryParameter("token"),
            "{}");

    assertThat(refusal.beforeUpgrade() ? refusal.httpStatus() : refusal.closeCode())
        .as(refusal.describe())
        .isIn(401, 1008);
  }
}
