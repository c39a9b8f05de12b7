package io.switchboard.it.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.impl.Headers;
import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.NatsBackend;
import io.switchboard.support.NatsServer;
import io.switchboard.support.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backends publish into the hub over NATS: a real nats-server on the private port the WAR was
 * configured with ({@code WS_NATS_URL}), JetStream messages on {@code
 * switchboard.room|user|group.*} and {@code switchboard.push}, received by real WebSocket clients.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NatsBridgeIT {

  private static NatsServer nats;
  private static NatsBackend backend;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void startNats() {
    nats = NatsServer.start(NatsServer.configuredPort());
    backend = NatsBackend.connect(nats);
  }

  @AfterAll
  static void stopNats() {
    backend.close();
    nats.close();
  }

  @BeforeEach
  void bridgeIsReady() {
    NatsBackend.awaitBridgeReady(base);
  }

  private static String order(int n) {
    return "{\"message\":{\"event\":\"order.shipped\",\"n\":" + n + "}}";
  }

  private static String room() {
    return "orders.eu." + UUID.randomUUID().toString().substring(0, 8);
  }

  private HubClient member(String room) {
    HubClient client = HubClient.connect(Hub.ws(base));
    client.join(room);
    client.await("room.joined");
    return client;
  }

  @Test
  void aRoomMessageFromNatsEntersTheRoomsStreamAndReachesItsMembers() {
    String room = room();
    try (HubClient alice = member(room);
        HubClient bob = member(room)) {
      backend.publish("switchboard.room." + room, order(1), UUID.randomUUID().toString());

      for (HubClient client : List.of(alice, bob)) {
        JsonObject frame = client.await("room.broadcast");
        assertThat(frame.getString("sender_id")).isEqualTo("nats");
        JsonObject payload = frame.getJsonObject("payload");
        assertThat(payload.getString("room_id")).isEqualTo(room);
        assertThat(payload.getJsonNumber("seq").longValue()).isEqualTo(1);
        assertThat(payload.getJsonObject("message").getString("event")).isEqualTo("order.shipped");
      }
    }
  }

  @Test
  void aUserMessageFromNatsReachesEveryConnectionOfThatUserOnly() {
    String user = Tokens.uniqueUser();
    Handshake asUser = Handshake.withToken(Tokens.forUser(user).sign());
    try (HubClient phone = HubClient.connect(Hub.ws(base), asUser);
        HubClient laptop = HubClient.connect(Hub.ws(base), asUser);
        HubClient other = HubClient.connect(Hub.ws(base))) {
      backend.publish("switchboard.user." + user, order(2), UUID.randomUUID().toString());

      for (HubClient client : List.of(phone, laptop)) {
        JsonObject payload = client.await("message.push").getJsonObject("payload");
        assertThat(payload.getString("scope")).isEqualTo("user");
        assertThat(payload.getString("user_id")).isEqualTo(user);
        assertThat(payload.getJsonObject("message").getInt("n")).isEqualTo(2);
      }
      other.sync();
      assertThat(other.unread("message.push")).isEmpty();
    }
  }

  @Test
  void aGroupMessageFromNatsReachesOnlyConnectionsWhoseTokenCarriesTheGroup() {
    String group = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    try (HubClient inGroup =
            HubClient.connect(
                Hub.ws(base),
                Handshake.withToken(Tokens.forUser(Tokens.uniqueUser()).groups(group).sign()));
        HubClient outside = HubClient.connect(Hub.ws(base))) {
      backend.publish("switchboard.group." + group, order(3), UUID.randomUUID().toString());

      JsonObject payload = inGroup.await("message.push").getJsonObject("payload");
      assertThat(payload.getString("scope")).isEqualTo("group");
      assertThat(payload.getString("group")).isEqualTo(group);
      outside.sync();
      assertThat(outside.unread("message.push")).isEmpty();
    }
  }

  @Test
  void anIdThatCannotBeASubjectIsGivenInHeadersOnThePushSubject() {
    String user = "john doe " + UUID.randomUUID().toString().substring(0, 4);
    try (HubClient john =
        HubClient.connect(Hub.ws(base), Handshake.withToken(Tokens.forUser(user).sign()))) {
      Headers headers = new Headers().put("Switchboard-Target", "user").put("Switchboard-Id", user);

      backend.publish("switchboard.push", headers, order(4), UUID.randomUUID().toString());

      JsonObject payload = john.await("message.push").getJsonObject("payload");
      assertThat(payload.getString("user_id")).isEqualTo(user);
    }
  }

  @Test
  void aMessageThatCanNeverBeDeliveredIsDroppedWithoutHoldingUpTheOnesAfterIt() {
    String room = room();
    try (HubClient member = member(room)) {
      backend.publish("switchboard.room." + room, "not json", UUID.randomUUID().toString());
      backend.publish(
          "switchboard.room." + room, "{\"no_message\":1}", UUID.randomUUID().toString());
      backend.publish("switchboard.room." + room, order(5), UUID.randomUUID().toString());

      JsonObject payload = member.await("room.broadcast").getJsonObject("payload");
      assertThat(payload.getJsonObject("message").getInt("n")).isEqualTo(5);
      assertThat(payload.getJsonNumber("seq").longValue()).isEqualTo(1);
    }
  }

  @Test
  void aNatsRestartUnderTrafficLosesNoAcknowledgedMessageAndDuplicatesNone() throws Exception {
    String room = room();
    AtomicInteger acknowledged = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    try (HubClient member = member(room)) {
      CompletableFuture<Void> traffic =
          CompletableFuture.runAsync(
              () -> {
                for (int n = 0; !stop.get(); n++) {
                  backend.publish("switchboard.room." + room, order(n), room + "-" + n);
                  acknowledged.incrementAndGet();
                  LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // a steady trickle
                }
              });
      member.awaitArrival("room.broadcast", f -> true);

      nats.restart();
      NatsBackend.awaitBridgeReady(base);
      int afterRestart = acknowledged.get() + 20;
      member.awaitArrival("room.broadcast", f -> number(f) >= afterRestart);
      stop.set(true);
      traffic.get(60, TimeUnit.SECONDS);

      int total = acknowledged.get();
      List<Integer> received = new ArrayList<>();
      while (received.size() < total) {
        JsonObject frame = member.await("room.broadcast", Duration.ofSeconds(30));
        received.add(number(frame));
        assertThat(frame.getJsonObject("payload").getJsonNumber("seq").longValue())
            .isEqualTo(received.size());
      }
      assertThat(received).doesNotHaveDuplicates().hasSize(total).allMatch(n -> n < total);
      member.expectNothingFor(Duration.ofSeconds(7));
    }
  }

  private static int number(JsonObject frame) {
    return frame.getJsonObject("payload").getJsonObject("message").getInt("n");
  }
}
