package io.switchboard.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Handshake.Carrier;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Refusal;
import io.switchboard.support.Tokens;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The opt-in token transports, as the build configures the {@code identity} server: HS256 tokens
 * signed with {@code WS_JWT_SECRET}, the query parameters {@code access_token} and {@code token},
 * and the cookie {@code session_id} (with the Origin allow-list {@code
 * https://app.switchboard.test}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenTransportsIT {

  private static final String APP = "https://app.switchboard.test";
  private static final String PROBE =
      "{\"type\":\"room.join\",\"payload\":{\"room_id\":\"siege\"}}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void anHs256TokenSignedWithTheSharedSecretConnects() {
    String user = Tokens.uniqueUser();
    try (HubClient client =
        HubClient.connect(Hub.ws(base), Handshake.withToken(Tokens.fastApiHs256(user)))) {
      assertThat(client.userId()).isEqualTo(user);
      client.sync();
    }
  }

  @Test
  void anRs256TokenStillConnectsBesideTheSecret() {
    String user = Tokens.uniqueUser();
    try (HubClient client =
        HubClient.connect(Hub.ws(base), Handshake.withToken(Tokens.forUser(user).sign()))) {
      assertThat(client.userId()).isEqualTo(user);
    }
  }

  @Test
  void anHs256TokenSignedWithThePublicKeyIsRefusedEvenWithASecretConfigured() {
    Refusal refusal =
        Refusal.of(
            Hub.ws(base),
            Handshake.withToken(Tokens.forUser("mallory").groups("admin").hs256WithPublicKey()),
            PROBE);

    assertRefused(refusal, 401, "unauthorized: bad signature");
  }

  @Test
  void theTokenQueryParameterCarriesATokenLikeAccessToken() {
    for (String parameter : new String[] {"token", "access_token"}) {
      String user = Tokens.uniqueUser();
      Handshake handshake =
          Handshake.withToken(Tokens.forUser(user).sign())
              .via(Carrier.QUERY)
              .queryParameter(parameter);
      try (HubClient client = HubClient.connect(Hub.ws(base), handshake)) {
        assertThat(client.userId()).as(parameter).isEqualTo(user);
      }
    }
  }

  @Test
  void aQueryParameterThatIsNotConfiguredCarriesNothing() {
    Handshake handshake =
        Handshake.withToken(Tokens.valid()).via(Carrier.QUERY).queryParameter("jwt");

    try (HubClient client = HubClient.open(Hub.ws(base), handshake)) {
      assertThat(client.awaitClose().getReasonPhrase())
          .as("no token: first-message authentication, which times out")
          .isEqualTo("unauthorized: authentication timeout");
      assertThat(client.unread("connection.established")).isEmpty();
    }
  }

  @Test
  void theCookieCarriesATokenFromAnAllowedOrigin() {
    String user = Tokens.uniqueUser();
    Handshake handshake =
        Handshake.withToken(Tokens.forUser(user).sign()).via(Carrier.COOKIE).origin(APP);

    try (HubClient client = HubClient.connect(Hub.ws(base), handshake)) {
      assertThat(client.userId()).isEqualTo(user);
    }
  }

  @Test
  void aForeignOriginCarryingTheCookieIsRefused() {
    Handshake handshake =
        Handshake.withToken(Tokens.forUser("victim").groups("admin").sign())
            .via(Carrier.COOKIE)
            .origin("https://evil.example");

    assertRefused(Refusal.of(Hub.ws(base), handshake, PROBE), 403, "forbidden: origin not allowed");
  }

  @Test
  void anInvalidTokenInTheCookieIsRefused() {
    Handshake handshake =
        Handshake.withToken(Tokens.forUser("a").header("kid", "nope").sign())
            .via(Carrier.COOKIE)
            .origin(APP);

    assertRefused(Refusal.of(Hub.ws(base), handshake, PROBE), 401, "unauthorized: unknown key");
  }

  private static void assertRefused(Refusal refusal, int status, String reason) {
    if (refusal.beforeUpgrade()) {
      assertThat(refusal.httpStatus()).as(refusal.describe()).isEqualTo(status);
    } else {
      assertThat(refusal.closeCode()).as(refusal.describe()).isEqualTo(1008);
      assertThat(refusal.reason()).isEqualTo(reason);
    }
  }
}
