package io.switchboard.it.api;

import static io.switchboard.support.ServerApi.message;
import static io.switchboard.support.ServerApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.AdminApi;
import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.ServerApi;
import io.switchboard.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each kind of target of the server API, received by real WebSocket clients. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerApiPublishIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private ServerApi api;

  @BeforeEach
  void asTheOrdersService() {
    api = ServerApi.withKey(base, ServerApi.ORDERS_KEY);
  }

  private static String room() {
    return "api-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private HubClient member(String room) {
    HubClient client = HubClient.connect(Hub.ws(base));
    client.join(room);
    client.await("room.joined");
    return client;
  }

  private HubClient connectAs(String user, String... groups) {
    return HubClient.connect(
        Hub.ws(base), Handshake.withToken(Tokens.forUser(user).groups(groups).sign()));
  }

  private static JsonObject payload(JsonObject frame) {
    return frame.getJsonObject("payload");
  }

  @Test
  void aRoomMessageIsBroadcastFromTheServiceAndSequencedLikeAMembers() throws Exception {
    String room = room();
    try (HubClient member = member(room)) {
      AdminApi.Answer answer = api.post("rooms/" + room + "/messages", message(text("shipped")));

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      JsonObject result = answer.json().asJsonObject();
      JsonObject received = member.await("room.broadcast");
      assertThat(received.getString("sender_id")).isEqualTo("it-orders");
      assertThat(payload(received).get("sender_connection_id")).isEqualTo(JsonValue.NULL);
      assertThat(payload(received).getJsonObject("message").getString("text")).isEqualTo("shipped");
      assertThat(payload(received).getJsonNumber("seq").longValue())
          .isEqualTo(result.getJsonNumber("seq").longValue());
      assertThat(payload(received).getString("epoch")).isEqualTo(result.getString("epoch"));
      assertThat(result.getString("room_id")).isEqualTo(room);
      assertThat(result.getBoolean("duplicate")).isFalse();
    }
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyAnswersTheFirstSeqAndIsDeliveredOnce() throws Exception {
    String room = room();
    try (HubClient member = member(room)) {
      ServerApi keyed = api.header("Idempotency-Key", "order-42-shipped");
      JsonObject first =
          keyed.post("rooms/" + room + "/messages", message(text("once"))).json().asJsonObject();
      JsonObject retry =
          keyed.post("rooms/" + room + "/messages", message(text("once"))).json().asJsonObject();

      assertThat(retry.getJsonNumber("seq")).isEqualTo(first.getJsonNumber("seq"));
      assertThat(retry.getBoolean("duplicate")).isTrue();
      member.await("room.broadcast");
      member.sync();
      assertThat(member.unread("room.broadcast")).isEmpty();
      JsonObject other =
          api.header("Idempotency-Key", "order-43-shipped")
              .post("rooms/" + room + "/messages", message(text("another")))
              .json()
              .asJsonObject();
      assertThat(other.getJsonNumber("seq").longValue())
          .isEqualTo(first.getJsonNumber("seq").longValue() + 1);
    }
  }

  @Test
  void historyGivesTheLastMessagesAndRecoversFromAPositionLikeAJoin() throws Exception {
    String room = room();
    JsonObject first =
        api.post("rooms/" + room + "/messages", message(text("one"))).json().asJsonObject();
    api.post("rooms/" + room + "/messages", message(text("two")));
    api.post("rooms/" + room + "/messages", message(text("three")));

    JsonObject last = api.get("rooms/" + room + "/history?limit=2").json().asJsonObject();
    assertThat(last.getJsonArray("messages")).hasSize(2);
    assertThat(last.getJsonObject("stream").getInt("seq")).isEqualTo(3);
    assertThat(last.containsKey("recovered")).isFalse();

    JsonObject since =
        api.get(
                "rooms/"
                    + room
                    + "/history?since_epoch="
                    + first.getString("epoch")
                    + "&since_seq=1")
            .json()
            .asJsonObject();
    assertThat(since.getBoolean("recovered")).isTrue();
    assertThat(since.getJsonArray("messages"))
        .extracting(m -> m.asJsonObject().getJsonObject("payload").getInt("seq"))
        .containsExactly(2, 3);

    JsonObject otherEpoch =
        api.get("rooms/" + room + "/history?since_epoch=0000&since_seq=1").json().asJsonObject();
    assertThat(otherEpoch.getBoolean("recovered")).isFalse();
    assertThat(otherEpoch.getString("gap")).isEqualTo("epoch_changed");
  }

  @Test
  void aUserMessageReachesEveryConnectionOfThatUserOnly() throws Exception {
    String user = Tokens.uniqueUser();
    try (HubClient phone = connectAs(user, "user");
        HubClient laptop = connectAs(user, "user");
        HubClient other = HubClient.connect(Hub.ws(base))) {
      AdminApi.Answer answer = api.post("users/" + user + "/messages", message(text("for you")));

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().asJsonObject().getBoolean("persisted")).isFalse();
      for (HubClient device : new HubClient[] {phone, laptop}) {
        JsonObject push = device.await("message.push");
        assertThat(push.getString("sender_id")).isEqualTo("it-orders");
        assertThat(payload(push).getString("scope")).isEqualTo("user");
        assertThat(payload(push).getString("user_id")).isEqualTo(user);
        assertThat(payload(push).getJsonObject("message").getString("text")).isEqualTo("for you");
      }
      other.sync();
      assertThat(other.unread("message.push")).isEmpty();
    }
  }

  @Test
  void aGroupMessageReachesOnlyConnectionsWhoseTokenCarriesTheGroup() throws Exception {
    String group = "team-" + UUID.randomUUID().toString().substring(0, 8);
    try (HubClient inGroup = connectAs(Tokens.uniqueUser(), "user", group);
        HubClient outside = connectAs(Tokens.uniqueUser(), "user")) {
      AdminApi.Answer answer = api.post("groups/" + group + "/messages", message(text("team")));

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      JsonObject push = inGroup.await("message.push");
      assertThat(payload(push).getString("scope")).isEqualTo("group");
      assertThat(payload(push).getString("group")).isEqualTo(group);
      outside.sync();
      assertThat(outside.unread("message.push")).isEmpty();
    }
  }

  @Test
  void aMessageToEveryoneReachesEveryConnection() throws Exception {
    try (HubClient one = HubClient.connect(Hub.ws(base));
        HubClient two = HubClient.connect(Hub.ws(base))) {
      AdminApi.Answer answer = api.post("messages", message(text("maintenance at noon")));

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(payload(one.await("message.push")).getString("scope")).isEqualTo("all");
      assertThat(payload(two.await("message.push")).getString("scope")).isEqualTo("all");
    }
  }

  @Test
  void aServiceJoinsAndRemovesAUsersConnectionsAndReadsThePresence() throws Exception {
    String room = room();
    String user = Tokens.uniqueUser();
    try (HubClient phone = connectAs(user, "user");
        HubClient laptop = connectAs(user, "user")) {
      assertThat(api.put("users/" + user + "/rooms/" + room).status()).isEqualTo(200);
      phone.await("room.joined");
      laptop.await("room.joined");

      JsonObject presence = api.get("rooms/" + room).json().asJsonObject();
      assertThat(presence.getInt("member_count")).isEqualTo(2);
      assertThat(presence.getInt("user_count")).isEqualTo(1);
      assertThat(presence.getJsonArray("users").getJsonObject(0).getString("user_id"))
          .isEqualTo(user);

      api.post("rooms/" + room + "/messages", message(text("welcome")));
      phone.await("room.broadcast");
      laptop.await("room.broadcast");

      assertThat(api.delete("users/" + user + "/rooms/" + room + "?reason=moderated").status())
          .isEqualTo(200);
      assertThat(payload(phone.await("room.left")).getString("reason")).isEqualTo("moderated");
      assertThat(payload(laptop.await("room.left")).getString("reason")).isEqualTo("moderated");
      assertThat(api.get("rooms/" + room).json().asJsonObject().getInt("member_count")).isZero();
    }
  }

  @Test
  void aServiceDisconnectsAUser() throws Exception {
    String user = Tokens.uniqueUser();
    try (HubClient client = connectAs(user, "user")) {
      AdminApi.Answer answer =
          api.post(
              "users/" + user + "/disconnect",
              jakarta.json.Json.createObjectBuilder().add("reason", "account closed").build());

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      var reason = client.awaitClose();
      assertThat(reason.getCloseCode().getCode()).isEqualTo(4006);
      assertThat(reason.getReasonPhrase()).isEqualTo("account closed");
    }
  }
}
