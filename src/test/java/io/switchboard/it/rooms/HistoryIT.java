package io.switchboard.it.rooms;

import static io.switchboard.it.rooms.Chat.broadcasts;
import static io.switchboard.it.rooms.Chat.publish;
import static io.switchboard.it.rooms.Chat.seq;
import static io.switchboard.it.rooms.Chat.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** History on join, against a server keeping {@link Chat#history()} messages per room. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HistoryIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void aJoinerAskingForHistoryGetsTheLastMessagesAsTheyWereDelivered() {
    try (HubClient author = HubClient.connect(Hub.ws(base));
        HubClient reader = HubClient.connect(Hub.ws(base))) {
      Chat.join(author, "history-last");
      for (String text : List.of("one", "two", "three")) {
        publish(author, "history-last", text);
      }
      List<JsonObject> live = broadcasts(author, 3);

      JsonObject joined =
          Chat.joinWith(
              reader, Json.createObjectBuilder().add("room_id", "history-last").add("history", 2));

      assertThat(joined.getInt("replayed")).isEqualTo(2);
      assertThat(joined.getJsonObject("stream").getInt("seq")).isEqualTo(3);
      assertThat(joined.containsKey("recovered")).isFalse();
      List<JsonObject> replay = broadcasts(reader, 2);
      assertThat(replay).extracting(Chat::textOf).containsExactly("two", "three");
      assertThat(replay)
          .extracting(f -> f.getString("message_id"))
          .as("replayed byte for byte, with the live message ids")
          .containsExactly(
              live.get(1).getString("message_id"), live.get(2).getString("message_id"));
      assertThat(replay).extracting(f -> f.getString("sender_id")).containsOnly(author.userId());
    }
  }

  @Test
  void aJoinerThatAsksForNoHistoryGetsNone() {
    try (HubClient author = HubClient.connect(Hub.ws(base));
        HubClient reader = HubClient.connect(Hub.ws(base))) {
      Chat.join(author, "history-none");
      publish(author, "history-none", "before");

      JsonObject joined = Chat.join(reader, "history-none");

      assertThat(joined.getInt("replayed")).isZero();
      Chat.assertNoMore(reader, "room.broadcast");
    }
  }

  @Test
  void historyKeepsOnlyTheConfiguredNumberOfMessagesAndTheRequestIsCappedToIt() {
    try (HubClient author = HubClient.connect(Hub.ws(base));
        HubClient reader = HubClient.connect(Hub.ws(base))) {
      int kept = Chat.history();
      int published = kept + 3;
      Chat.join(author, "history-cap");
      for (int i = 1; i <= published; i++) {
        publish(author, "history-cap", "m" + i);
      }

      JsonObject joined =
          Chat.joinWith(
              reader,
              Json.createObjectBuilder().add("room_id", "history-cap").add("history", kept * 5));

      assertThat(joined.getInt("replayed")).isEqualTo(kept);
      List<JsonObject> replay = broadcasts(reader, kept);
      assertThat(replay)
          .extracting(Chat::seq)
          .containsExactlyElementsOf(LongStream.rangeClosed(4, published).boxed().toList());
      assertThat(textOf(replay.get(0))).isEqualTo("m4");
      Chat.assertNoMore(reader, "room.broadcast");
    }
  }

  @Test
  void historySurvivesTheRoomEmptying() {
    String room = "history-empty";
    try (HubClient author = HubClient.connect(Hub.ws(base))) {
      Chat.join(author, room);
      publish(author, room, "left behind");
    }
    try (HubClient reader = HubClient.connect(Hub.ws(base))) {
      JsonObject joined =
          Chat.joinWith(reader, Json.createObjectBuilder().add("room_id", room).add("history", 5));

      assertThat(joined.getInt("replayed")).isEqualTo(1);
      assertThat(seq(reader.await("room.broadcast"))).isEqualTo(1);
    }
  }
}
