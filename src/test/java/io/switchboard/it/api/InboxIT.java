package io.switchboard.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.AdminApi;
import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.ServerApi;
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
 * Messages sent with {@code persist: true} wait in the user's inbox: delivered on connect, oldest
 * first, again after a reconnect until acknowledged, and never after.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboxIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private HubClient connectAs(String user) {
    return HubClient.connect(
        Hub.ws(base), Handshake.withToken(Tokens.forUser(user).groups("user").sign()));
  }

  private long persist(String user, String text) throws Exception {
    AdminApi.Answer answer =
        ServerApi.withKey(base, ServerApi.ORDERS_KEY)
            .post(
                "users/" + user + "/messages",
                Json.createObjectBuilder()
                    .add("message", ServerApi.text(text))
                    .add("persist", true)
                    .build());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonObject result = answer.json().asJsonObject();
    assertThat(result.getBoolean("persisted")).isTrue();
    return result.getJsonNumber("inbox_id").longValue();
  }

  private static String textOf(JsonObject item) {
    return item.getJsonObject("payload").getJsonObject("message").getString("text");
  }

  private static long id(JsonObject item) {
    return item.getJsonObject("payload").getJsonNumber("id").longValue();
  }

  @Test
  void messagesForAnAbsentUserAreDeliveredOnConnectOldestFirstUntilAcknowledged() throws Exception {
    String user = Tokens.uniqueUser();
    long first = persist(user, "your order shipped");
    long second = persist(user, "your invoice is ready");

    try (HubClient client = connectAs(user)) {
      JsonObject one = client.await("inbox.item");
      JsonObject two = client.await("inbox.item");
      assertThat(List.of(id(one), id(two))).containsExactly(first, second);
      assertThat(textOf(one)).isEqualTo("your order shipped");
      assertThat(one.getString("sender_id")).isEqualTo("it-orders");
    }

    try (HubClient again = connectAs(user)) {
      JsonObject one = again.await("inbox.item");
      assertThat(id(one)).as("not acknowledged: delivered again").isEqualTo(first);
      assertThat(id(again.await("inbox.item"))).isEqualTo(second);
      again.send(
          "inbox.ack",
          Json.createObjectBuilder().add("ids", Json.createArrayBuilder().add(first)).build());
      assertThat(again.await("inbox.acked").getJsonObject("payload").getJsonArray("ids"))
          .extracting(v -> ((jakarta.json.JsonNumber) v).longValue())
          .containsExactly(first);
    }

    try (HubClient third = connectAs(user)) {
      assertThat(id(third.await("inbox.item"))).isEqualTo(second);
      third.send(
          "inbox.ack",
          Json.createObjectBuilder().add("ids", Json.createArrayBuilder().add(second)).build());
      third.await("inbox.acked");
    }

    try (HubClient last = connectAs(user)) {
      last.sync();
      assertThat(last.unread("inbox.item")).as("everything acknowledged").isEmpty();
    }
  }

  @Test
  void aPersistedMessageReachesAConnectedUserAtOnceAndOnceAcknowledgedNeverAgain()
      throws Exception {
    String user = Tokens.uniqueUser();
    try (HubClient phone = connectAs(user)) {
      long id = persist(user, "live");

      JsonObject item = phone.await("inbox.item");
      assertThat(id(item)).isEqualTo(id);
      phone.send(
          "inbox.ack",
          Json.createObjectBuilder().add("ids", Json.createArrayBuilder().add(id)).build());
      phone.await("inbox.acked");
    }
    try (HubClient laptop = connectAs(user)) {
      laptop.sync();
      assertThat(laptop.unread("inbox.item")).isEmpty();
    }
  }

  @Test
  void acknowledgingAnUnknownIdRemovesNothingAndAMalformedAcknowledgementIsAnError() {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      client.send(
          "inbox.ack",
          Json.createObjectBuilder().add("ids", Json.createArrayBuilder().add(1)).build());
      assertThat(client.await("inbox.acked").getJsonObject("payload").getJsonArray("ids"))
          .isEmpty();

      client.sendRaw(
          "{\"type\":\"inbox.ack\",\"message_id\":\"bad-ack\",\"payload\":{\"ids\":[\"x\"]}}");
      assertThat(client.awaitErrorCode("bad-ack")).isEqualTo("invalid_payload");
    }
  }
}
