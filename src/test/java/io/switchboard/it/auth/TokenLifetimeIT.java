package io.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.websocket.CloseReason;
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

/**
 * Tokens on live connections, with tokens of a few seconds: the build sets {@code
 * WS_AUTH_EXPIRY_WARNING=2} and {@code MP_JWT_VERIFY_CLOCK_SKEW=1}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenLifetimeIT {

  private static final Duration SHORT = Duration.ofSeconds(4);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private static Instant in(Duration lifetime) {
    return Instant.now().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
  }

  private HubClient connect(String user, Instant exp, String... groups) {
    return HubClient.connect(
        Hub.ws(base),
        Handshake.withToken(Tokens.forUser(user).groups(groups).expiresAt(exp).sign()));
  }

  /**
   * A client that does not answer pings (the heartbeat timeout is far off), so that no pong is in
   * flight when the server closes: on Open Liberty a 4003 close that crossed a pong once reached
   * the client as 1006 (the server had logged its close with 4003).
   */
  private HubClient connectSilent(String user, Instant exp) {
    return HubClient.connect(
        Hub.ws(base),
        Handshake.withToken(Tokens.forUser(user).groups("user").expiresAt(exp).sign()).silent());
  }

  private static JsonObject refresh(String token) {
    return Json.createObjectBuilder().add("token", token).build();
  }

  @Test
  void aTokenThatRunsOutIsWarnedAboutThenClosedWith4003() {
    Instant exp = in(SHORT);
    try (HubClient client = connectSilent("short-lived", exp)) {
      JsonObject warning =
          client.await("auth.expiring", Duration.ofSeconds(6)).getJsonObject("payload");
      assertThat(Instant.parse(warning.getString("expires_at"))).isEqualTo(exp);
      assertThat(warning.getInt("seconds_left")).isBetween(0, 2);

      CloseReason reason = client.awaitClose(Duration.ofSeconds(8));

      assertThat(reason.getCloseCode().getCode()).isEqualTo(4003);
      assertThat(reason.getReasonPhrase()).isEqualTo("token expired");
      assertThat(Instant.now()).isAfter(exp);
    }
  }

  @Test
  void aRefreshForTheSameUserKeepsTheConnectionPastTheOldExpiry() {
    Instant exp = in(SHORT);
    try (HubClient client = connect("refresher", exp, "user")) {
      client.await("auth.expiring", Duration.ofSeconds(6));
      Instant later = in(Duration.ofMinutes(10));

      client.send(
          "auth.refresh",
          refresh(Tokens.forUser("refresher").groups("user", "ops").expiresAt(later).sign()));

      JsonObject refreshed = client.await("auth.refreshed").getJsonObject("payload");
      assertThat(Instant.parse(refreshed.getString("expires_at"))).isEqualTo(later);
      assertThat(refreshed.getJsonArray("groups").getValuesAs(JsonString::getString))
          .containsExactly("ops", "user");
      while (Instant.now().isBefore(exp.plusSeconds(3))) {
        client.awaitPingsAnswered(client.pingsAnswered() + 1, Duration.ofSeconds(5));
      }
      assertThat(client.isOpen()).as("open past the old exp and its skew").isTrue();
      client.sync();
    }
  }

  @Test
  void aRefreshWithFewerGroupsLeavesTheRoomsTheyNoLongerAllow() {
    try (HubClient admin = connect("demoted", in(Duration.ofMinutes(10)), "admin");
        HubClient other = connect("other-admin", in(Duration.ofMinutes(10)), "admin")) {
      other.join("admin.board");
      other.await("room.joined");
      admin.join("admin.board");
      admin.await("room.joined");
      admin.join("lobby-refresh");
      admin.await("room.joined");

      admin.send(
          "auth.refresh",
          refresh(
              Tokens.forUser("demoted").groups("user").expiresIn(Duration.ofMinutes(10)).sign()));

      JsonObject left = admin.await("room.left").getJsonObject("payload");
      assertThat(left.getString("room_id")).isEqualTo("admin.board");
      assertThat(left.getString("reason")).startsWith("access revoked");
      admin.await("auth.refreshed");
      assertThat(
              other
                  .await("room.member.left")
                  .getJsonObject("payload")
                  .getJsonObject("member")
                  .getString("user_id"))
          .isEqualTo("demoted");
      String id = admin.join("admin.board");
      assertThat(admin.awaitErrorCode(id)).isEqualTo("forbidden");
    }
  }

  @Test
  void aRefreshForAnotherUserOrWithABadTokenIsRefusedAndTheOldExpiryStands() {
    Instant exp = in(SHORT);
    try (HubClient client = connectSilent("holder", exp)) {
      String other = client.send("auth.refresh", refresh(Tokens.forUser("mallory").sign()));
      assertThat(client.awaitErrorCode(other)).isEqualTo("invalid_token");
      String expired =
          client.send(
              "auth.refresh",
              refresh(Tokens.forUser("holder").expiresAt(Instant.now().minusSeconds(30)).sign()));
      assertThat(client.awaitErrorCode(expired)).isEqualTo("invalid_token");
      String none = client.send("auth.refresh", refresh(Tokens.forUser("holder").unsigned("none")));
      assertThat(client.awaitErrorCode(none)).isEqualTo("invalid_token");

      assertThat(client.awaitClose(Duration.ofSeconds(10)).getCloseCode().getCode())
          .isEqualTo(4003);
    }
  }
}
