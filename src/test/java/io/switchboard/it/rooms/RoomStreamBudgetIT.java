package io.switchboard.it.rooms;

import static io.switchboard.it.rooms.Chat.publishAs;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17's eviction probe at small scale: the rooms execution keeps WS_ROOM_STREAMS=30 streams
 * and WS_ROOM_STREAMS_PER_USER=4 per user. Creating many rooms never takes an occupied room's
 * epoch, history or dedup window, and one user's rooms push out only that user's own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoomStreamBudgetIT {

  private static final int NODE_STREAMS = 30;
  private static final int USER_STREAMS = 4;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private static JsonObject ack(HubClient client, String messageId) {
    return client
        .await("room.broadcast.ack", f -> messageId.equals(Chat.refOf(f)))
        .getJsonObject("payload");
  }

  /** Joins and leaves {@code roomId}: its stream stays behind, without members. */
  private static JsonObject visit(HubClient client, String roomId) {
    JsonObject joined = Chat.join(client, roomId);
    client.send("room.leave", Chat.room(roomId));
    client.await("room.left");
    return joined;
  }

  @Test
  void anOccupiedRoomKeepsItsEpochHistoryAndDedupWindowWhileOthersCreateManyRooms() {
    String main = "budget-main";
    try (HubClient member = HubClient.connect(Hub.ws(base))) {
      Chat.join(member, main);
      JsonObject first = null;
      for (int i = 0; i < 10; i++) {
        publishAs(member, "budget-m" + i, main, "message " + i);
        JsonObject acked = ack(member, "budget-m" + i);
        first = first == null ? acked : first;
      }

      int created = 0;
      for (int attacker = 0; created <= 2 * NODE_STREAMS; attacker++) {
        try (HubClient flooder = HubClient.connect(Hub.ws(base))) {
          for (int room = 0; room < USER_STREAMS + 1; room++, created++) {
            visit(flooder, "budget-flood-" + attacker + "-" + room);
          }
        }
      }

      publishAs(member, "budget-m0", main, "message 0");
      JsonObject retry = ack(member, "budget-m0");
      assertThat(retry.getBoolean("duplicate")).as("the dedup window survived").isTrue();
      assertThat(retry.getString("epoch")).isEqualTo(first.getString("epoch"));
      assertThat(retry.getInt("seq")).isEqualTo(first.getInt("seq"));
      try (HubClient later = HubClient.connect(Hub.ws(base))) {
        JsonObject joined =
            Chat.joinWith(
                later, Json.createObjectBuilder().add("room_id", main).add("history", 10));
        assertThat(joined.getJsonObject("stream").getString("epoch"))
            .isEqualTo(first.getString("epoch"));
        assertThat(joined.getInt("replayed")).isEqualTo(Math.min(10, Chat.history()));
      }
    }
  }

  @Test
  void oneUsersRoomsPushOutOnlyThatUsersOwnOldestRoom() {
    try (HubClient owner = HubClient.connect(Hub.ws(base));
        HubClient flooder = HubClient.connect(Hub.ws(base))) {
      Chat.join(owner, "budget-quiet");
      String quietEpoch = Chat.publish(owner, "budget-quiet", "kept").getString("epoch");
      owner.send("room.leave", Chat.room("budget-quiet"));
      owner.await("room.left");

      Chat.join(flooder, "budget-own-0");
      String ownEpoch = Chat.publish(flooder, "budget-own-0", "first").getString("epoch");
      flooder.send("room.leave", Chat.room("budget-own-0"));
      flooder.await("room.left");
      for (int room = 1; room <= USER_STREAMS; room++) {
        visit(flooder, "budget-own-" + room);
      }

      JsonObject own = Chat.join(flooder, "budget-own-0").getJsonObject("stream");
      assertThat(own.getString("epoch"))
          .as("the flooder's own oldest room made way")
          .isNotEqualTo(ownEpoch);
      assertThat(own.getInt("seq")).isZero();
      JsonObject quiet = Chat.join(owner, "budget-quiet").getJsonObject("stream");
      assertThat(quiet.getString("epoch")).isEqualTo(quietEpoch);
      assertThat(quiet.getInt("seq")).isEqualTo(1);
    }
  }
}
