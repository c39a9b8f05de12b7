package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoomsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private static JsonObject text(String text) {
    return Json.createObjectBuilder().add("type", "message.text").add("text", text).build();
  }

  @Test
  void joiningARoomConfirmsTheMembersAndAnnouncesTheMemberToOthers() {
    try (HubClient alice = HubClient.connect(Hub.ws(base));
        HubClient bob = HubClient.connect(Hub.ws(base))) {
      alice.join("rooms-join");
      assertThat(alice.await("room.joined").getJsonObject("payload").getInt("member_count"))
          .isEqualTo(1);

      bob.join("rooms-join");

      JsonObject joined = bob.await("room.joined").getJsonObject("payload");
      assertThat(joined.getInt("member_count")).isEqualTo(2);
      assertThat(joined.getJsonArray("members").getValuesAs(JsonObject.class))
          .extracting(m -> m.getString("user_id"))
          .containsExactlyInAnyOrder(alice.userId(), bob.userId());
      JsonObject notice = alice.await("room.member.joined").getJsonObject("payload");
      assertThat(notice.getJsonObject("member").getString("connection_id"))
          .isEqualTo(bob.connectionId());
      bob.sync();
      assertThat(bob.unread("room.member.joined"))
          .as("the joiner is not told about itself")
          .isEmpty();
    }
  }

  @Test
  void leavingARoomConfirmsAndTellsTheOthers() {
    try (HubClient alice = HubClient.connect(Hub.ws(base));
        HubClient bob = HubClient.connect(Hub.ws(base))) {
      alice.join("rooms-leave");
      alice.await("room.joined");
      bob.join("rooms-leave");
      bob.await("room.joined");

      bob.send("room.leave", Json.createObjectBuilder().add("room_id", "rooms-leave").build());

      assertThat(bob.await("room.left").getJsonObject("payload").getInt("member_count"))
          .isEqualTo(1);
      JsonObject notice = alice.await("room.member.left").getJsonObject("payload");
      assertThat(notice.getJsonObject("member").getString("user_id")).isEqualTo(bob.userId());
      assertThat(notice.getInt("member_count")).isEqualTo(1);
    }
  }

  @Test
  void aBroadcastReachesEveryMemberIncludingTheSender() {
    try (HubClient alice = HubClient.connect(Hub.ws(base));
        HubClient bob = HubClient.connect(Hub.ws(base));
        HubClient outsider = HubClient.connect(Hub.ws(base))) {
      alice.join("rooms-all");
      alice.await("room.joined");
      bob.join("rooms-all");
      bob.await("room.joined");

      alice.broadcast("rooms-all", text("Hello room!"), false);

      for (HubClient member : List.of(alice, bob)) {
        JsonObject delivered = member.await("room.broadcast");
        assertThat(delivered.getString("sender_id")).isEqualTo(alice.userId());
        assertThat(delivered.getJsonObject("payload").getString("room_id")).isEqualTo("rooms-all");
        assertThat(delivered.getJsonObject("payload").getJsonObject("message").getString("text"))
            .isEqualTo("Hello room!");
      }
      outsider.sync();
      assertThat(outsider.unread("room.broadcast")).isEmpty();
    }
  }

  @Test
  void broadcastExcludingSenderReachesOnlyOthers() {
    try (HubClient alice = HubClient.connect(Hub.ws(base));
        HubClient bob = HubClient.connect(Hub.ws(base))) {
      alice.join("rooms-exclude");
      alice.await("room.joined");
      bob.join("rooms-exclude");
      bob.await("room.joined");

      alice.broadcast("rooms-exclude", text("not for me"), true);

      assertThat(bob.await("room.broadcast").getString("sender_id")).isEqualTo(alice.userId());
      alice.sync();
      assertThat(alice.unread("room.broadcast")).isEmpty();
    }
  }

  @Test
  void aNonMemberBroadcastIsRefusedAndReachesNobody() {
    try (HubClient member = HubClient.connect(Hub.ws(base));
        HubClient intruder = HubClient.connect(Hub.ws(base))) {
      member.join("rooms-private");
      member.await("room.joined");

      String id = intruder.broadcast("rooms-private", text("let me in"), false);

      assertThat(intruder.awaitErrorCode(id)).isEqualTo("not_a_member");
      member.sync();
      assertThat(member.unread("room.broadcast")).isEmpty();
      intruder.sync();
    }
  }

  @Test
  void aClaimedSenderIdIsReplacedByTheConnectionsIdentity() {
    try (HubClient alice = HubClient.connect(Hub.ws(base));
        HubClient bob = HubClient.connect(Hub.ws(base))) {
      alice.join("rooms-spoof");
      alice.await("room.joined");
      bob.join("rooms-spoof");
      bob.await("room.joined");

      alice.sendRaw(
          "{\"type\":\"room.broadcast\",\"sender_id\":\""
              + bob.userId()
              + "\",\"payload\":{\"room_id\":\"rooms-spoof\",\"message\":{\"text\":\"I am bob\"}}}");

      assertThat(bob.await("room.broadcast").getString("sender_id")).isEqualTo(alice.userId());
    }
  }

  @Test
  void everyMemberGetsEveryBroadcastOnceInEachSendersOrder() {
    int members = 12;
    int perSender = 15;
    List<HubClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < members; i++) {
        HubClient c = HubClient.connect(Hub.ws(base));
        c.join("rooms-fanout");
        c.await("room.joined");
        clients.add(c);
      }
      for (int n = 0; n < perSender; n++) {
        for (HubClient sender : clients) {
          sender.broadcast("rooms-fanout", text(sender.connectionId() + "#" + n), false);
        }
      }
      for (HubClient receiver : clients) {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < members * perSender; i++) {
          got.add(
              receiver
                  .await("room.broadcast")
                  .getJsonObject("payload")
                  .getJsonObject("message")
                  .getString("text"));
        }
        Map<String, List<Integer>> bySender =
            got.stream()
                .collect(
                    Collectors.groupingBy(
                        t -> t.substring(0, t.indexOf('#')),
                        Collectors.mapping(
                            t -> Integer.parseInt(t.substring(t.indexOf('#') + 1)),
                            Collectors.toList())));
        assertThat(bySender).hasSize(members);
        bySender
            .values()
            .forEach(seq -> assertThat(seq).isSorted().doesNotHaveDuplicates().hasSize(perSender));
        receiver.sync();
        assertThat(receiver.unread("room.broadcast")).isEmpty();
      }
    } finally {
      clients.forEach(HubClient::close);
    }
  }

  @Test
  void roomsAreIsolatedFromEachOther() {
    try (HubClient red = HubClient.connect(Hub.ws(base));
        HubClient blue = HubClient.connect(Hub.ws(base))) {
      red.join("rooms-red");
      red.await("room.joined");
      blue.join("rooms-blue");
      blue.await("room.joined");

      red.broadcast("rooms-red", text("red only"), false);

      red.await("room.broadcast");
      blue.sync();
      assertThat(blue.unread("room.broadcast")).isEmpty();
    }
  }
}
