package io.switchboard.it.jwks;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Jwks;
import io.switchboard.support.JwksServer;
import io.switchboard.support.Metrics;
import io.switchboard.support.Refusal;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keys from an identity provider's JWKS endpoint ({@code jwks} execution: {@code
 * MP_JWT_VERIFY_PUBLICKEY_LOCATION} is the {@link JwksServer} this test starts before the server
 * boots; {@code WS_JWKS_REFRESH=30}, {@code WS_JWKS_MIN_REFETCH=1}). The provider starts out
 * publishing {@code test-rsa-1}.
 */
@ExtendWith({JwksServer.class, ArquillianExtension.class})
@RunAsClient
class KeySetIT {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Duration RETRY = Duration.ofMillis(250);
  private static final String PROBE = "{\"type\":\"message.text\",\"payload\":{\"text\":\"x\"}}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  /** The provider publishes {@code test-rsa-1} alone again, and the hub has seen it. */
  @AfterEach
  void backToTheFirstKey() throws Exception {
    JwksServer.publish(Jwks.signing(Tokens.RSA_KID));
    eventually(
        "the hub holds test-rsa-1 alone",
        () -> connects(token(Tokens.RSA_KID)) && !connects(token(Tokens.RSA_KID_2)));
  }

  private String forged() {
    return Tokens.forUser("x").header("kid", "forged-" + UUID.randomUUID()).sign();
  }

  private String token(String kid) {
    return Tokens.forUser(Tokens.uniqueUser())
        .header("kid", kid)
        .signedWith("RS256", kid.equals(Tokens.RSA_KID) ? Tokens.RSA_1 : Tokens.RSA_2)
        .sign();
  }

  /** Whether a client with {@code token} is greeted (not refused before or after the upgrade). */
  private boolean connects(String token) {
    HubClient client;
    try {
      client = HubClient.open(Hub.ws(base), Handshake.withToken(token));
    } catch (IllegalStateException refusedBeforeUpgrade) {
      return false;
    }
    try (client) {
      return client.greetedOrClosed();
    }
  }

  /**
   * Retries every {@link #RETRY}, as a reconnecting client does, until {@code condition} holds;
   * fails after {@link #PATIENCE}.
   */
  private static void eventually(String what, Supplier<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.get()) {
      assertThat(System.nanoTime()).as("%s within %s", what, PATIENCE).isLessThan(deadline);
      LockSupport.parkNanos(RETRY.toNanos());
    }
  }

  @Test
  void aTokenSignedWithThePublishedKeyConnects() {
    try (HubClient client =
        HubClient.connect(Hub.ws(base), Handshake.withToken(token(Tokens.RSA_KID)))) {
      client.sync();
    }
  }

  @Test
  void aRotationIsPickedUpWhileConnectedClientsStay() throws Exception {
    try (HubClient before =
        HubClient.connect(Hub.ws(base), Handshake.withToken(token(Tokens.RSA_KID)))) {
      JwksServer.publish(Jwks.signing(Tokens.RSA_KID, Tokens.RSA_KID_2));

      eventually("a token of the new key connects", () -> connects(token(Tokens.RSA_KID_2)));

      JwksServer.publish(Jwks.signing(Tokens.RSA_KID_2));
      eventually(
          "the retired key is dropped at the next fetch (which an unknown kid causes)",
          () -> !connects(forged()) && !connects(token(Tokens.RSA_KID)));
      assertThat(connects(token(Tokens.RSA_KID_2))).isTrue();
      before.sync();
      assertThat(before.isOpen()).as("a client of the retired key stays connected").isTrue();
    }
  }

  @Test
  void anUnknownKidIsRefusedAndTriggersAFetch() throws Exception {
    int before = JwksServer.requests();

    Refusal refusal = Refusal.of(Hub.ws(base), Handshake.withToken(token(Tokens.RSA_KID_2)), PROBE);

    assertThat(refusal.beforeUpgrade() ? refusal.httpStatus() : refusal.closeCode())
        .isIn(401, 1008);
    eventually("a fetch follows", () -> JwksServer.requests() > before);
  }

  @Test
  void forgedKidsCannotMakeTheHubHammerTheProvider() {
    int before = JwksServer.requests();
    long started = System.nanoTime();

    for (int i = 0; i < 30; i++) {
      Refusal.of(Hub.ws(base), Handshake.withToken(forged()), PROBE);
    }

    double seconds = (System.nanoTime() - started) / 1e9;
    int fetches = JwksServer.requests() - before;
    assertThat(fetches)
        .as("at most one early fetch per second over %.1f s", seconds)
        .isLessThanOrEqualTo((int) Math.ceil(seconds) + 2);
  }

  @Test
  void anOutageKeepsTheKeysAndShowsInMetricsAndReadiness() throws Exception {
    double failedBefore =
        Metrics.scrape(base).valueOrZero("switchboard_jwks_fetches_total", "outcome=\"failed\"");
    JwksServer.outage();

    eventually(
        "readiness reports the failed fetch (which an unknown kid causes)",
        () -> {
          connects(forged());
          JsonObject keys = keysCheck();
          return keys != null && !flag(keys.getJsonObject("data"), "last_fetch_ok");
        });

    JsonObject keys = keysCheck();
    assertThat(keys.getString("status")).as("keys held: still ready").isEqualTo("UP");
    assertThat(keys.getJsonObject("data").getString("last_error")).contains("503");
    assertThat(Metrics.scrape(base).value("switchboard_jwks_fetches_total", "outcome=\"failed\""))
        .isGreaterThan(failedBefore);
    try (HubClient client =
        HubClient.connect(Hub.ws(base), Handshake.withToken(token(Tokens.RSA_KID)))) {
      client.sync();
    }

    JwksServer.publish(Jwks.signing(Tokens.RSA_KID));
    eventually(
        "readiness reports the recovery",
        () -> flag(keysCheck().getJsonObject("data"), "last_fetch_ok"));
  }

  private JsonObject keysCheck() {
    try {
      String body = Hub.health(base, "ready").body();
      return Json.createReader(new StringReader(body)).readObject().getJsonArray("checks").stream()
          .map(JsonObject.class::cast)
          .filter(c -> c.getString("name").equals("switchboard-keys"))
          .findFirst()
          .orElse(null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A boolean of a health check's data: JSON true, or the text "true" (Payara writes data as text).
   */
  private static boolean flag(JsonObject data, String name) {
    JsonValue value = data.get(name);
    return value == JsonValue.TRUE
        || (value instanceof JsonString text && Boolean.parseBoolean(text.getString()));
  }
}
