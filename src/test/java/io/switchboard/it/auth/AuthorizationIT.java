package io.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Identity and authorization on a live server. The build sets {@code
 * WS_ROOM_RULES=admin.*:join=admin,publish=admin;ops.*:join=ops|admin,publish=admin;news.*:publish=editors}
 * and {@code WS_MESSAGE_RULES=message.direct=user|admin}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private HubClient as(String user, String... groups) {
    return HubClient.connect(
        Hub.ws(base), Handshake.withToken(Tokens.forUser(user).groups(groups).sign()));
  }

  private static JsonObject direct(String user, String text) {
    return Json.createObjectBuilder()
        .add("user_id", user)
        .add("message", Json.createObjectBuilder().add("text", text))
        .build();
  }

  @Test
  void aRestrictedRoomRefusesOutsidersWithForbiddenAndTheConnectionStaysOpen() {
    try (HubClient admin = as("root", "admin");
        HubClient user = as("joe", "user")) {
      admin.join("admin.ops");
      admin.await("room.joined");

      String id = user.join("admin.ops");

      assertThat(user.awaitErrorCode(id)).isEqualTo("forbidden");
      user.sync();
      admin.sync();
      assertThat(admin.unread("room.member.joined")).isEmpty();
    }
  }

  @Test
  void joinAndPublishAreSeparateRights() {
    try (HubClient ops = as("olga", "ops");
        HubClient admin = as("root", "admin")) {
      ops.join("ops.night");
      ops.await("room.joined");
      admin.join("ops.night");
      admin.await("room.joined");

      String id = ops.broadcast("ops.night", Json.createObjectBuilder().add("t", 1).build(), false);
      assertThat(ops.awaitErrorCode(id)).isEqualTo("forbidden");

      admin.broadcast("ops.night", Json.createObjectBuilder().add("t", 2).build(), false);
      assertThat(ops.await("room.broadcast").getString("sender_id")).isEqualTo("root");
    }
  }

  @Test
  void aMessageTypeRuleRefusesCallersOutsideItsGroups() {
    try (HubClient nobody = as("nobody");
        HubClient user = as("ursula", "user")) {
      String id = nobody.send("message.direct", direct("ursula", "hi"));
      assertThat(nobody.awaitErrorCode(id)).isEqualTo("forbidden");

      user.send("message.direct", direct("nobody", "hello"));
      assertThat(nobody.await("message.direct").getString("sender_id")).isEqualTo("ursula");
    }
  }

  @Test
  void aDirectMessageToAUserReachesEveryConnectionOfThatUserWithTheTokenIdentity() {
    try (HubClient alice = as("alice", "user");
        HubClient bobPhone = as("bob", "user");
        HubClient bobLaptop = as("bob", "user")) {
      assertThat(bobPhone.userId()).isEqualTo(bobLaptop.userId()).isEqualTo("bob");
      assertThat(bobPhone.connectionId()).isNotEqualTo(bobLaptop.connectionId());

      alice.send("message.direct", direct("bob", "both of you"));

      for (HubClient bob : List.of(bobPhone, bobLaptop)) {
        JsonObject received = bob.await("message.direct");
        assertThat(received.getString("sender_id")).isEqualTo("alice");
      }
    }
  }
}
