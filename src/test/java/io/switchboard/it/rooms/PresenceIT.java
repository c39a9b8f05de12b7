package io.switchboard.it.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Presence per user across devices, with WS_PRESENCE_GRACE=2 seconds. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PresenceIT {

  private static final Duration GRACE = Duration.ofSeconds(2);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void aUserOnTwoConnectionsIsAnnouncedOnceAndLeavesWithItsLastConnection() {
    String room = "presence-devices";
    Handshake alice = new Handshake();
    try (HubClient watcher = HubClient.connect(Hub.ws(base));
        HubClient laptop = HubClient.connect(Hub.ws(base), alice);
        HubClient phone = HubClient.connect(Hub.ws(base), alice)) {
      Chat.join(watcher, room);
      Chat.join(laptop, room);
      JsonObject arrived = watcher.await("room.member.joined").getJsonObject("payload");
      assertThat(arrived.getJsonObject("member").getString("user_id")).isEqualTo(laptop.userId());
      assertThat(arrived.getInt("user_count")).isEqualTo(2);

      JsonObject joined = Chat.join(phone, room);

      assertThat(joined.getInt("member_count")).isEqualTo(3);
      assertThat(joined.getInt("user_count")).isEqualTo(2);
      assertThat(joined.getJsonArray("users").getValuesAs(JsonObject.class))
          .filteredOn(u -> u.getString("user_id").equals(phone.userId()))
          .extracting(u -> u.getInt("connections"))
          .containsExactly(2);
      Chat.assertNoMore(watcher, "room.member.joined");

      laptop.send("room.leave", Chat.room(room));
      laptop.await("room.left");
      Chat.assertNoMore(watcher, "room.member.left");

      phone.send("room.leave", Chat.room(room));
      JsonObject gone = watcher.await("room.member.left").getJsonObject("payload");
      assertThat(gone.getJsonObject("member").getString("user_id")).isEqualTo(phone.userId());
      assertThat(gone.getInt("user_count")).isEqualTo(1);
    }
  }

  @Test
  void aQuickReconnectWithinTheGracePeriodIsNotAnnounced() {
    String room = "presence-flap";
    Handshake alice = new Handshake();
    try (HubClient watcher = HubClient.connect(Hub.ws(base))) {
      Chat.join(watcher, room);
      HubClient before = HubClient.connect(Hub.ws(base), alice);
      Chat.join(before, room);
      watcher.await("room.member.joined");
      before.close();

      try (HubClient after = HubClient.connect(Hub.ws(base), alice)) {
        Chat.join(after, room);

        watcher.expectNothingFor(GRACE.plusMillis(1000));
      }
    }
  }

  @Test
  void aDroppedUserIsAnnouncedGoneOnlyAfterTheGracePeriod() {
    String room = "presence-grace";
    try (HubClient watcher = HubClient.connect(Hub.ws(base))) {
      Chat.join(watcher, room);
      HubClient dropped = HubClient.connect(Hub.ws(base));
      Chat.join(dropped, room);
      watcher.await("room.member.joined");

      long closedAt = System.nanoTime();
      dropped.close();
      JsonObject gone = watcher.await("room.member.left").getJsonObject("payload");

      assertThat(Duration.ofNanos(System.nanoTime() - closedAt))
          .isGreaterThanOrEqualTo(GRACE.minusMillis(300));
      assertThat(gone.getJsonObject("member").getString("connection_id"))
          .isEqualTo(dropped.connectionId());
      assertThat(gone.getInt("member_count")).isEqualTo(1);
    }
  }

  @Test
  void aClientCanAskWhoIsInARoomAndWhetherAUserIsOnline() {
    String room = "presence-query";
    Handshake alice = new Handshake();
    try (HubClient laptop = HubClient.connect(Hub.ws(base), alice);
        HubClient phone = HubClient.connect(Hub.ws(base), alice);
        HubClient bob = HubClient.connect(Hub.ws(base))) {
      Chat.join(laptop, room);
      Chat.join(phone, room);

      bob.send("room.members", Chat.room(room));
      JsonObject members = bob.await("room.members").getJsonObject("payload");
      bob.send(
          "presence.query", Json.createObjectBuilder().add("user_id", laptop.userId()).build());
      JsonObject online = bob.await("presence.state").getJsonObject("payload");
      bob.send("presence.query", Json.createObjectBuilder().add("user_id", "nobody-here").build());
      JsonObject offline = bob.await("presence.state").getJsonObject("payload");

      assertThat(members.getInt("member_count")).isEqualTo(2);
      assertThat(members.getInt("user_count")).isEqualTo(1);
      assertThat(members.getJsonArray("users").getJsonObject(0).getInt("connections")).isEqualTo(2);
      assertThat(online.getBoolean("online")).isTrue();
      assertThat(online.getInt("connections")).isEqualTo(2);
      assertThat(offline.getBoolean("online")).isFalse();
      assertThat(offline.getInt("connections")).isZero();
    }
  }
}
