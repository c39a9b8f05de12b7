package io.switchboard.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
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
 * First-message authentication ({@code WS_FIRST_MESSAGE_AUTH=true}, {@code WS_AUTH_TIMEOUT=3}): a
 * connection opened without a token receives nothing and is nobody until its {@code auth} frame;
 * anything else, a bad token or silence closes it with 1008.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FirstMessageAuthIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private HubClient pending() {
    return HubClient.open(Hub.ws(base), Handshake.anonymous().silent());
  }

  private static String auth(String token) {
    return Json.createObjectBuilder()
        .add("type", "auth")
        .add("message_id", "a-1")
        .add("payload", Json.createObjectBuilder().add("token", token))
        .build()
        .toString();
  }

  @Test
  void aConnectionWithoutATokenReceivesNothingUntilItsAuthFrameIsAnsweredWithTheGreeting() {
    String user = Tokens.uniqueUser();
    try (HubClient client = pending()) {
      client.expectNothingFor(Duration.ofMillis(800));

      client.send(
          "auth", Json.createObjectBuilder().add("token", Tokens.forUser(user).sign()).build());

      JsonObject payload = client.awaitEstablished().getJsonObject("payload");
      assertThat(payload.getString("user_id")).isEqualTo(user);
      client.join("after-auth");
      client.await("room.joined");
    }
  }

  @Test
  void aConnectionIsNobodyForPresenceUntilItAuthenticates() {
    String user = Tokens.uniqueUser();
    try (HubClient observer = HubClient.connect(Hub.ws(base));
        HubClient client = pending()) {
      client.expectNothingFor(Duration.ofMillis(300));
      assertThat(online(observer, user)).isFalse();

      client.sendRaw(auth(Tokens.forUser(user).sign()));
      client.awaitEstablished();

      assertThat(online(observer, user)).isTrue();
    }
  }

  @Test
  void anotherFrameFirstClosesWith1008AndIsNeverHandled() {
    try (HubClient client = pending()) {
      client.sendRaw("{\"type\":\"room.join\",\"payload\":{\"room_id\":\"sneak\"}}");

      assertClosed(client, "unauthorized: auth frame expected");
    }
  }

  @Test
  void aWrongTokenClosesWith1008AndTheReason() {
    try (HubClient client = pending()) {
      client.sendRaw(auth(Tokens.forUser("a").expiresIn(Duration.ofHours(-1)).sign()));

      assertClosed(client, "unauthorized: token expired");
    }
  }

  @Test
  void anAuthFrameWithoutATokenClosesWith1008() {
    try (HubClient client = pending()) {
      client.sendRaw("{\"type\":\"auth\",\"payload\":{}}");

      assertClosed(client, "unauthorized: token required");
    }
  }

  @Test
  void silenceBeyondTheAuthTimeoutClosesWith1008() {
    try (HubClient client = pending()) {
      CloseReason reason = client.awaitClose(Duration.ofSeconds(10));

      assertThat(reason.getCloseCode().getCode()).isEqualTo(1008);
      assertThat(reason.getReasonPhrase()).isEqualTo("unauthorized: authentication timeout");
      assertThat(client.unread("heartbeat.ping")).as("not even pings").isEmpty();
    }
  }

  @Test
  void anAuthFrameOnAnAuthenticatedConnectionIsAnErrorNotASecondIdentity() {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      String id =
          client.send(
              "auth",
              Json.createObjectBuilder().add("token", Tokens.forUser("other").sign()).build());

      assertThat(client.awaitErrorCode(id)).isEqualTo("unknown_type");
      assertThat(client.isOpen()).isTrue();
    }
  }

  private static boolean online(HubClient observer, String user) {
    observer.send("presence.query", Json.createObjectBuilder().add("user_id", user).build());
    return observer.await("presence.state").getJsonObject("payload").getBoolean("online");
  }

  private static void assertClosed(HubClient client, String reason) {
    CloseReason closed = client.awaitClose();
    assertThat(closed.getCloseCode().getCode()).isEqualTo(1008);
    assertThat(closed.getReasonPhrase()).isEqualTo(reason);
    assertThat(client.unread("connection.established")).isEmpty();
    assertThat(client.unread("error")).as("nothing was handled").isEmpty();
  }
}
