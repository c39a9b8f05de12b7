package io.switchboard.it.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.AdminApi;
import io.switchboard.support.Handshake;
import io.switchboard.support.Handshake.Carrier;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 001's flows, mapped to Switchboard: its browser client connects with {@code ?token=}, a
 * topic subscription is a room, a backend event to a topic or to everyone is an operator
 * announcement, a message to a user is {@code message.direct} by {@code user_id}, a message to a
 * role is a room only that role may join ({@code ops.*:join=ops|admin}), and a per-message role
 * check is a message rule ({@code room.members=admin}). See docs/seeds.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Seed001MicroserviceIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private HubClient connect(String user, String... groups) {
    return HubClient.connect(
        Hub.ws(base),
        Handshake.withToken(Tokens.forUser(user).groups(groups).sign())
            .via(Carrier.QUERY)
            .queryParameter("token"));
  }

  private static String topic(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aSubscriptionToATopicReceivesTheBackendsEventsForIt() throws Exception {
    String orders = topic("orders-");
    try (HubClient subscriber = connect(Tokens.uniqueUser(), "user");
        HubClient other = connect(Tokens.uniqueUser(), "user")) {
      subscriber.join(orders);
      subscriber.await("room.joined");

      AdminApi.as(base, AdminApi.adminToken())
          .post(
              "announcements",
              Json.createObjectBuilder()
                  .add("text", "order_update 42")
                  .add("room_id", orders)
                  .build());

      JsonObject event = subscriber.await("server.announcement").getJsonObject("payload");
      assertThat(event.getString("text")).isEqualTo("order_update 42");
      assertThat(event.getString("room_id")).isEqualTo(orders);
      other.expectNothingFor(Duration.ofMillis(300));
    }
  }

  @Test
  void aBroadcastToAllReachesEveryClient() throws Exception {
    try (HubClient a = connect(Tokens.uniqueUser(), "user");
        HubClient b = connect(Tokens.uniqueUser(), "user")) {
      String text = "announcement " + UUID.randomUUID();
      AdminApi.as(base, AdminApi.adminToken())
          .post("announcements", Json.createObjectBuilder().add("text", text).build());

      for (HubClient client : new HubClient[] {a, b}) {
        assertThat(
                client
                    .await("server.announcement", f -> f.toString().contains(text))
                    .getJsonObject("payload")
                    .getString("scope"))
            .isEqualTo("all");
      }
    }
  }

  @Test
  void aMessageToAUserReachesEveryConnectionOfThatUser() {
    String bob = Tokens.uniqueUser();
    try (HubClient alice = connect(Tokens.uniqueUser(), "user");
        HubClient bobPhone = connect(bob, "user");
        HubClient bobLaptop = connect(bob, "user")) {
      alice.send(
          "message.direct",
          Json.createObjectBuilder()
              .add("user_id", bob)
              .add("message", Json.createObjectBuilder().add("text", "psst"))
              .build());

      for (HubClient device : new HubClient[] {bobPhone, bobLaptop}) {
        assertThat(device.await("message.direct").getJsonObject("payload").toString())
            .contains("psst");
      }
    }
  }

  @Test
  void aMessageToARoleReachesOnlyThatRole() {
    String alerts = topic("ops.alerts-");
    try (HubClient ops = connect(Tokens.uniqueUser(), "ops");
        HubClient admin = connect(Tokens.uniqueUser(), "admin");
        HubClient user = connect(Tokens.uniqueUser(), "user")) {
      ops.join(alerts);
      ops.await("room.joined");
      admin.join(alerts);
      admin.await("room.joined");
      String refused = user.join(alerts);
      assertThat(user.awaitErrorCode(refused)).isEqualTo("forbidden");

      admin.broadcast(alerts, Json.createObjectBuilder().add("text", "disk full").build(), true);

      assertThat(ops.await("room.broadcast").getJsonObject("payload").toString())
          .contains("disk full");
      user.expectNothingFor(Duration.ofMillis(300));
    }
  }

  @Test
  void aMessageTheRoleMayNotSendIsAnErrorAndTheConnectionStays() {
    try (HubClient user = connect(Tokens.uniqueUser(), "user");
        HubClient admin = connect(Tokens.uniqueUser(), "admin")) {
      String id =
          user.send("room.members", Json.createObjectBuilder().add("room_id", "lobby").build());
      assertThat(user.awaitErrorCode(id)).isEqualTo("forbidden");
      user.sync();

      admin.send("room.members", Json.createObjectBuilder().add("room_id", "lobby").build());
      admin.await("room.members");
    }
  }
}
