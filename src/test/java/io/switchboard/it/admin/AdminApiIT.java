package io.switchboard.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.AdminApi;
import io.switchboard.support.AdminApi.Answer;
import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.net.URL;
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
 * The admin API over real HTTP: only a verified token with the admin group gets in; the others get
 * 401 or 403 with a fixed body whatever they ask for; an admin sees and acts on live connections.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminApiIT {

  private static final JsonObject NO_BODY = Json.createObjectBuilder().build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void anAnonymousCallerGetsUnauthorizedAndLearnsNothingAboutThePaths() throws Exception {
    AdminApi anonymous = AdminApi.as(base, null);

    Answer existing = anonymous.get("connections");
    Answer missing = anonymous.get("no-such-thing");

    for (Answer answer : new Answer[] {existing, missing}) {
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.body()).isEqualTo("{\"error\":\"unauthorized\"}");
      assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"switchboard-admin\"");
    }
  }

  @Test
  void anExpiredOrForgedAdminTokenIsUnauthorizedLikeNoToken() throws Exception {
    String expired =
        Tokens.forUser(Tokens.uniqueUser())
            .groups("admin")
            .expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
            .sign();
    String forged =
        Tokens.forUser(Tokens.uniqueUser())
            .groups("admin")
            .signedWith("RS256", Tokens.attackerRsaKey().getPrivate())
            .sign();

    for (String token : new String[] {expired, forged, "not-a-jwt"}) {
      Answer answer = AdminApi.as(base, token).get("connections");
      assertThat(answer.status()).as("token %s", token.substring(0, 8)).isEqualTo(401);
      assertThat(answer.body()).isEqualTo("{\"error\":\"unauthorized\"}");
    }
  }

  @Test
  void aValidTokenWithoutTheAdminGroupIsForbiddenAndChangesNothing() throws Exception {
    try (HubClient target = HubClient.connect(Hub.ws(base))) {
      AdminApi user =
          AdminApi.as(base, Tokens.forUser(Tokens.uniqueUser()).groups("user", "ops").sign());

      Answer list = user.get("connections");
      Answer disconnect =
          user.post("connections/" + target.connectionId() + "/disconnect", NO_BODY);
      Answer drain = user.post("drain", NO_BODY);

      for (Answer answer : new Answer[] {list, disconnect, drain}) {
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).isEqualTo("{\"error\":\"forbidden\"}");
      }
      target.sync();
      assertThat(target.isOpen()).isTrue();
    }
  }

  @Test
  void anAdminSeesConnectionsUsersAndRoomMembers() throws Exception {
    String user = Tokens.uniqueUser();
    try (HubClient alice =
        HubClient.connect(Hub.ws(base), Handshake.withToken(Tokens.forUser(user).sign()))) {
      alice.join("admin-view");
      alice.await("room.joined");
      AdminApi admin = AdminApi.as(base, AdminApi.adminToken());

      Answer connection = admin.get("connections/" + alice.connectionId());
      Answer all = admin.get("connections");
      Answer users = admin.get("users/" + user);
      Answer room = admin.get("rooms/admin-view");

      assertThat(connection.status()).isEqualTo(200);
      JsonObject view = connection.json().asJsonObject();
      assertThat(view.getString("user_id")).isEqualTo(user);
      assertThat(view.getString("auth")).isEqualTo("authenticated");
      assertThat(view.getJsonArray("rooms").getString(0)).isEqualTo("admin-view");
      assertThat(view.getJsonNumber("messages_in").longValue()).isGreaterThanOrEqualTo(1);
      assertThat(view.getJsonNumber("messages_out").longValue()).isGreaterThanOrEqualTo(2);
      assertThat(((JsonArray) all.json()).getValuesAs(JsonObject.class))
          .extracting(c -> c.getString("connection_id"))
          .contains(alice.connectionId());
      assertThat(users.json().asJsonObject().getJsonArray("connection_ids").getString(0))
          .isEqualTo(alice.connectionId());
      JsonObject members = room.json().asJsonObject();
      assertThat(members.getInt("member_count")).isEqualTo(1);
      assertThat(members.getJsonArray("members").getJsonObject(0).getString("user_id"))
          .isEqualTo(user);
    }
  }

  @Test
  void unknownTargetsAreNotFoundAndAnOverlongReasonIsABadRequest() throws Exception {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      AdminApi admin = AdminApi.as(base, AdminApi.adminToken());

      assertThat(admin.get("connections/no-such-connection").status()).isEqualTo(404);
      assertThat(admin.get("users/nobody-here").status()).isEqualTo(404);
      assertThat(admin.get("rooms/empty-room").status()).isEqualTo(404);
      Answer overlong =
          admin.post(
              "connections/" + client.connectionId() + "/disconnect",
              Json.createObjectBuilder().add("reason", "x".repeat(124)).build());

      assertThat(overlong.status()).isEqualTo(400);
      client.sync();
      assertThat(client.isOpen()).isTrue();
    }
  }

  @Test
  void anAdminDisconnectsOneConnectionWithItsReason() throws Exception {
    try (HubClient target = HubClient.connect(Hub.ws(base));
        HubClient bystander = HubClient.connect(Hub.ws(base))) {
      Answer answer =
          AdminApi.as(base, AdminApi.adminToken())
              .post(
                  "connections/" + target.connectionId() + "/disconnect",
                  Json.createObjectBuilder().add("reason", "spamming the lobby").build());

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().asJsonObject().getInt("connections")).isEqualTo(1);
      CloseReason close = target.awaitClose();
      assertThat(close.getCloseCode().getCode()).isEqualTo(4006);
      assertThat(close.getReasonPhrase()).isEqualTo("spamming the lobby");
      bystander.sync();
      assertThat(bystander.isOpen()).isTrue();
    }
  }

  @Test
  void anAdminDisconnectsEveryConnectionOfAUser() throws Exception {
    String user = Tokens.uniqueUser();
    try (HubClient first =
            HubClient.connect(Hub.ws(base), Handshake.withToken(Tokens.forUser(user).sign()));
        HubClient second =
            HubClient.connect(Hub.ws(base), Handshake.withToken(Tokens.forUser(user).sign()))) {
      Answer answer =
          AdminApi.as(base, AdminApi.adminToken()).post("users/" + user + "/disconnect", NO_BODY);

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().asJsonObject().getInt("connections")).isEqualTo(2);
      for (HubClient client : new HubClient[] {first, second}) {
        CloseReason close = client.awaitClose();
        assertThat(close.getCloseCode().getCode()).isEqualTo(4006);
        assertThat(close.getReasonPhrase()).isEqualTo("disconnected by operator");
      }
    }
  }

  @Test
  void anAnnouncementReachesTheRoomTheUserOrEveryone() throws Exception {
    String user = Tokens.uniqueUser();
    try (HubClient member = HubClient.connect(Hub.ws(base));
        HubClient addressee =
            HubClient.connect(Hub.ws(base), Handshake.withToken(Tokens.forUser(user).sign()))) {
      member.join("announced");
      member.await("room.joined");
      AdminApi admin = AdminApi.as(base, AdminApi.adminToken());

      Answer toRoom =
          admin.post(
              "announcements",
              Json.createObjectBuilder()
                  .add("text", "room notice")
                  .add("room_id", "announced")
                  .build());
      Answer toUser =
          admin.post(
              "announcements",
              Json.createObjectBuilder().add("text", "user notice").add("user_id", user).build());
      Answer toAll =
          admin.post("announcements", Json.createObjectBuilder().add("text", "all notice").build());

      assertThat(toRoom.json().asJsonObject().getInt("connections")).isEqualTo(1);
      assertThat(toUser.json().asJsonObject().getInt("connections")).isEqualTo(1);
      assertThat(toAll.json().asJsonObject().getInt("connections")).isGreaterThanOrEqualTo(2);
      JsonObject room = member.await("server.announcement").getJsonObject("payload");
      assertThat(room.getString("text")).isEqualTo("room notice");
      assertThat(room.getString("room_id")).isEqualTo("announced");
      assertThat(member.await("server.announcement").getJsonObject("payload").getString("scope"))
          .isEqualTo("all");
      JsonObject direct = addressee.await("server.announcement").getJsonObject("payload");
      assertThat(direct.getString("scope")).isEqualTo("user");
      assertThat(addressee.await("server.announcement").getJsonObject("payload").getString("text"))
          .isEqualTo("all notice");
      assertThat(
              admin
                  .post("announcements", Json.createObjectBuilder().add("text", "").build())
                  .status())
          .isEqualTo(400);
    }
  }
}
