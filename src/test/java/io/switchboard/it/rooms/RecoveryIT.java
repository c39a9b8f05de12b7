package io.switchboard.it.rooms;

import static io.switchboard.it.rooms.Chat.broadcasts;
import static io.switchboard.it.rooms.Chat.publish;
import static io.switchboard.it.rooms.Chat.seq;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gap-free recovery after a reconnect: exactly the missed messages, in order, or an explicit gap
 * signal. The server keeps {@link Chat#history()} messages per room.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecoveryIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void aClientThatReconnectsWhileOthersPublishGetsEveryMissedMessageOnceAndInOrder()
      throws Exception {
    String room = "recovery-live";
    try (HubClient publisher = HubClient.connect(Hub.ws(base));
        HubClient other = HubClient.connect(Hub.ws(base))) {
      Chat.join(publisher, room);
      Chat.join(other, room);
      HubClient phone = HubClient.connect(Hub.ws(base));
      JsonObject joined = Chat.join(phone, room);
      String epoch = joined.getJsonObject("stream").getString("epoch");
      for (int i = 0; i < 3; i++) {
        publish(i % 2 == 0 ? publisher : other, room, "before " + i);
      }
      long lastSeen = seq(broadcasts(phone, 3).get(2));
      phone.close();

      CompletableFuture<Void> publishing =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < Chat.history() - 2; i++) {
                  publish(publisher, room, "during " + i);
                }
              });
      for (int i = 0; i < 2; i++) {
        publish(other, room, "missed for sure " + i);
      }
      try (HubClient back = HubClient.connect(Hub.ws(base))) {
        JsonObject rejoined = Chat.joinWith(back, Chat.since(room, epoch, lastSeen));
        publishing.get(10, TimeUnit.SECONDS);
        long last = publish(publisher, room, "after").getJsonNumber("seq").longValue();

        assertThat(rejoined.getBoolean("recovered")).isTrue();
        assertThat(rejoined.getInt("replayed"))
            .isEqualTo(rejoined.getJsonObject("stream").getInt("seq") - (int) lastSeen);
        List<Long> received = new ArrayList<>();
        for (JsonObject frame : broadcasts(back, (int) (last - lastSeen))) {
          received.add(seq(frame));
        }
        assertThat(received)
            .as("replay then live, without gap or duplicate")
            .containsExactlyElementsOf(LongStream.rangeClosed(lastSeen + 1, last).boxed().toList());
        Chat.assertNoMore(back, "room.broadcast");
      }
    }
  }

  @Test
  void aPositionTrimmedFromHistoryIsReportedAsAGapNotAShortReplay() {
    String room = "recovery-trimmed";
    try (HubClient publisher = HubClient.connect(Hub.ws(base))) {
      String epoch = Chat.join(publisher, room).getJsonObject("stream").getString("epoch");
      publish(publisher, room, "seen");
      for (int i = 0; i < Chat.history() + 2; i++) {
        publish(publisher, room, "missed " + i);
      }
      try (HubClient back = HubClient.connect(Hub.ws(base))) {
        JsonObject rejoined = Chat.joinWith(back, Chat.since(room, epoch, 1));

        assertThat(rejoined.getBoolean("recovered")).isFalse();
        assertThat(rejoined.getString("gap")).isEqualTo("history_trimmed");
        assertThat(rejoined.getInt("replayed")).isZero();
        Chat.assertNoMore(back, "room.broadcast");
      }
    }
  }

  @Test
  void theOldestPositionStillHeldIsRecovered() {
    String room = "recovery-edge";
    try (HubClient publisher = HubClient.connect(Hub.ws(base))) {
      String epoch = Chat.join(publisher, room).getJsonObject("stream").getString("epoch");
      int published = Chat.history() + 2;
      for (int i = 1; i <= published; i++) {
        publish(publisher, room, "m" + i);
      }
      try (HubClient back = HubClient.connect(Hub.ws(base))) {
        JsonObject rejoined = Chat.joinWith(back, Chat.since(room, epoch, 2));

        assertThat(rejoined.getBoolean("recovered")).isTrue();
        assertThat(broadcasts(back, Chat.history()))
            .extracting(Chat::seq)
            .startsWith(3L)
            .endsWith((long) published);
      }
    }
  }

  @Test
  void aPositionFromAnotherEpochIsReportedAsAnEpochChange() {
    String room = "recovery-epoch";
    try (HubClient publisher = HubClient.connect(Hub.ws(base))) {
      Chat.join(publisher, room);
      publish(publisher, room, "after the restart");
      try (HubClient back = HubClient.connect(Hub.ws(base))) {
        JsonObject rejoined =
            Chat.joinWith(back, Chat.since(room, "stream-before-restart", 1).add("history", 5));

        assertThat(rejoined.getBoolean("recovered")).isFalse();
        assertThat(rejoined.getString("gap")).isEqualTo("epoch_changed");
        assertThat(rejoined.getInt("replayed"))
            .as("the history asked for alongside, for the client to reconcile")
            .isEqualTo(1);
      }
    }
  }

  @Test
  void aPositionAheadOfTheStreamIsNotTakenForContinuity() {
    String room = "recovery-ahead";
    try (HubClient publisher = HubClient.connect(Hub.ws(base))) {
      String epoch = Chat.join(publisher, room).getJsonObject("stream").getString("epoch");
      try (HubClient back = HubClient.connect(Hub.ws(base))) {
        JsonObject rejoined = Chat.joinWith(back, Chat.since(room, epoch, 99));

        assertThat(rejoined.getBoolean("recovered")).isFalse();
        assertThat(rejoined.getString("gap")).isEqualTo("unknown_position");
      }
    }
  }

  @Test
  void everyBroadcastCarriesTheStreamEpochAndAGrowingSequence() {
    String room = "recovery-seq";
    try (HubClient publisher = HubClient.connect(Hub.ws(base))) {
      String epoch = Chat.join(publisher, room).getJsonObject("stream").getString("epoch");
      publish(publisher, room, "a");
      publish(publisher, room, "b");

      List<JsonObject> seen = broadcasts(publisher, 2);

      assertThat(seen).extracting(Chat::seq).containsExactly(1L, 2L);
      assertThat(seen)
          .extracting(f -> f.getJsonObject("payload").getString("epoch"))
          .containsOnly(epoch);
    }
  }
}
