package io.switchboard.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.HubClient;
import io.switchboard.support.Tokens;
import io.switchboard.support.cluster.Cluster;
import io.switchboard.support.cluster.Node;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chat features across two nodes sharing one Redis: whoever is connected where, a room behaves
 * as on one node. Each client connects to the node a load balancer without sticky sessions might
 * have chosen. Presence grace 3 s, per-user limit 2.
 */
class ClusterRoomsIT {

  @RegisterExtension
  static final Cluster cluster =
      Cluster.of(2)
          .env("WS_MAX_CONNECTIONS_PER_USER", "2")
          .env("WS_PRESENCE_GRACE", "3")
          .env("WS_NODE_LEASE", "2");

  private final Node a = cluster.node(0);
  private final Node b = cluster.node(1);
  private final String room = "cluster-" + UUID.randomUUID();

  @Test
  void aBroadcastOnOneNodeReachesTheMembersOnTheOtherInSequence() {
    try (HubClient alice = HubClient.connect(a.ws());
        HubClient bob = HubClient.connect(b.ws())) {
      join(alice);
      join(bob);

      String id = alice.broadcast(room, text("hello from a"), false);
      JsonObject ack =
          alice
              .await("room.broadcast.ack", f -> id.equals(payload(f).getString("ref_message_id")))
              .getJsonObject("payload");
      JsonObject received = bob.await("room.broadcast").getJsonObject("payload");

      assertThat(received.getJsonObject("message").getString("text")).isEqualTo("hello from a");
      assertThat(received.getInt("seq")).isEqualTo(ack.getInt("seq"));
      assertThat(received.getString("epoch")).isEqualTo(ack.getString("epoch"));
    }
  }

  @Test
  void arrivalsAndDeparturesOnOneNodeAreAnnouncedOnTheOtherOncePerUser() {
    try (HubClient watcher = HubClient.connect(a.ws())) {
      join(watcher);
      String dave = Tokens.uniqueUser();
      try (HubClient laptop = HubClient.connect(b.ws(), as(dave));
          HubClient phone = HubClient.connect(a.ws(), as(dave))) {
        join(laptop);
        JsonObject arrived = watcher.await("room.member.joined").getJsonObject("payload");
        JsonObject joined = join(phone);

        assertThat(arrived.getJsonObject("member").getString("user_id")).isEqualTo(dave);
        assertThat(arrived.getInt("user_count")).isEqualTo(2);
        assertThat(joined.getInt("user_count")).isEqualTo(2);
        assertThat(joined.getJsonArray("users").getValuesAs(JsonObject.class))
            .filteredOn(u -> u.getString("user_id").equals(dave))
            .extracting(u -> u.getInt("connections"))
            .containsExactly(2);

        laptop.send("room.leave", roomPayload());
        laptop.await("room.left");
        phone.send("room.leave", roomPayload());
        JsonObject gone = watcher.await("room.member.left").getJsonObject("payload");

        assertThat(gone.getJsonObject("member").getString("user_id")).isEqualTo(dave);
        assertThat(gone.getInt("user_count")).isEqualTo(1);
        assertThat(watcher.unread("room.member.joined")).isEmpty();
      }
    }
  }

  @Test
  void aUserWhoMovesToTheOtherNodeWithinTheGracePeriodIsNotAnnouncedGone() {
    try (HubClient watcher = HubClient.connect(a.ws())) {
      join(watcher);
      String erin = Tokens.uniqueUser();
      HubClient before = HubClient.connect(b.ws(), as(erin));
      join(before);
      watcher.await("room.member.joined");

      before.close();
      try (HubClient after = HubClient.connect(a.ws(), as(erin))) {
        join(after);
        watcher.sync();

        watcher.expectNothingFor(Duration.ofSeconds(4));
      }
    }
  }

  @Test
  void typingOnOneNodeIsShownOnTheOther() {
    try (HubClient reader = HubClient.connect(a.ws());
        HubClient typist = HubClient.connect(b.ws())) {
      join(reader);
      join(typist);

      typist.send("typing.start", roomPayload());
      JsonObject started = reader.await("typing.started").getJsonObject("payload");
      typist.send("typing.stop", roomPayload());
      JsonObject stopped = reader.await("typing.stopped").getJsonObject("payload");

      assertThat(started.getString("user_id")).isEqualTo(typist.userId());
      assertThat(stopped.getString("user_id")).isEqualTo(typist.userId());
    }
  }

  @Test
  void aUsersConnectionsCountOnEveryNodeAgainstItsLimitAndForPresence() {
    String frank = Tokens.uniqueUser();
    try (HubClient onA = HubClient.connect(a.ws(), as(frank));
        HubClient onB = HubClient.connect(b.ws(), as(frank));
        HubClient asker = HubClient.connect(a.ws())) {

      int refused = HubClient.connectRefused(a.ws(), as(frank)).getCloseCode().getCode();
      asker.send("presence.query", Json.createObjectBuilder().add("user_id", frank).build());
      JsonObject state = asker.await("presence.state").getJsonObject("payload");

      assertThat(refused).isEqualTo(4005);
      assertThat(state.getBoolean("online")).isTrue();
      assertThat(state.getInt("connections")).isEqualTo(2);

      onB.close();
      awaitConnections(asker, frank, 1);
      try (HubClient again = HubClient.connect(a.ws(), as(frank))) {
        again.sync();
      }
    }
  }

  @Test
  void aDirectMessageReachesAUserConnectedOnlyToTheOtherNode() {
    try (HubClient sender = HubClient.connect(a.ws());
        HubClient receiver = HubClient.connect(b.ws())) {
      sender.send(
          "message.direct",
          Json.createObjectBuilder()
              .add("user_id", receiver.userId())
              .add("message", text("psst"))
              .build());

      JsonObject received = receiver.await("message.direct").getJsonObject("payload");

      assertThat(received.getJsonObject("message").getString("text")).isEqualTo("psst");
      assertThat(received.getString("sender_connection_id")).isEqualTo(sender.connectionId());
      String unknown = Tokens.uniqueUser();
      String id =
          sender.send(
              "message.direct",
              Json.createObjectBuilder().add("user_id", unknown).add("message", text("?")).build());
      assertThat(sender.awaitErrorCode(id)).isEqualTo("target_not_found");
    }
  }

  /**
   * Asks until the user's connections on all nodes are {@code expected} (a close is asynchronous).
   */
  private static void awaitConnections(HubClient asker, String user, int expected) {
    long deadline = System.nanoTime() + HubClient.TIMEOUT.toNanos();
    int connections = -1;
    while (connections != expected && System.nanoTime() < deadline) {
      asker.send("presence.query", Json.createObjectBuilder().add("user_id", user).build());
      connections = asker.await("presence.state").getJsonObject("payload").getInt("connections");
    }
    assertThat(connections).isEqualTo(expected);
  }

  private JsonObject join(HubClient client) {
    client.join(room);
    return client.await("room.joined").getJsonObject("payload");
  }

  private JsonObject roomPayload() {
    return Json.createObjectBuilder().add("room_id", room).build();
  }

  private static JsonObject text(String text) {
    return Json.createObjectBuilder().add("text", text).build();
  }

  private static JsonObject payload(JsonObject frame) {
    return frame.getJsonObject("payload");
  }

  private static Handshake as(String user) {
    return Handshake.withToken(Tokens.forUser(user).groups("user").sign());
  }
}
