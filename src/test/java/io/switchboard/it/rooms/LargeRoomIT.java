package io.switchboard.it.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Above WS_LARGE_ROOM=3 users, occupancy updates replace per-member notices. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LargeRoomIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void aLargeRoomSendsOccupancyCountsInsteadOfPerMemberNotices() {
    String room = "large-room";
    List<HubClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        HubClient client = HubClient.connect(Hub.ws(base));
        clients.add(client);
        Chat.join(client, room);
      }
      HubClient first = clients.get(0);
      first.await("room.member.joined");
      first.await("room.member.joined");

      HubClient fourth = HubClient.connect(Hub.ws(base));
      clients.add(fourth);
      JsonObject joined = Chat.join(fourth, room);
      HubClient fifth = HubClient.connect(Hub.ws(base));
      clients.add(fifth);
      Chat.join(fifth, room);

      assertThat(joined.getBoolean("large_room")).isTrue();
      assertThat(joined.getInt("user_count")).isEqualTo(4);
      JsonObject occupancy =
          first
              .await("room.occupancy", f -> f.getJsonObject("payload").getInt("user_count") == 5)
              .getJsonObject("payload");
      assertThat(occupancy.getInt("member_count")).isEqualTo(5);
      assertThat(first.unread("room.member.joined"))
          .as("no per-member notice once the room is large")
          .isEmpty();

      while (!first.unread("room.occupancy").isEmpty()) {
        first.await("room.occupancy");
      }
      fifth.send("room.leave", Chat.room(room));
      fifth.await("room.left");
      first.await("room.occupancy", f -> f.getJsonObject("payload").getInt("user_count") == 4);
      assertThat(first.unread("room.member.left")).isEmpty();
    } finally {
      clients.forEach(HubClient::close);
    }
  }
}
