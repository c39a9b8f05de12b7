package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Metrics;
import io.switchboard.support.RawWebSocket;
import jakarta.json.Json;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member that stops reading must not cost the others anything (every message, in order, with the
 * latency they had before it stalled) and must be told why it goes. Senders stay under the default
 * rate limit of 60 frames a minute.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackpressureIT {

  private static final int SENDERS = 4;
  private static final int BASELINE_ROUNDS = 8;
  private static final int ROUNDS = 56;
  private static final String BODY = "x".repeat(64 * 1024);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void aStalledReaderIsClosedAsASlowConsumerWhileTheOthersGetEveryMessageInOrder()
      throws Exception {
    List<HubClient> members = new ArrayList<>();
    try {
      for (int i = 0; i < SENDERS; i++) {
        HubClient member = HubClient.connect(Hub.ws(base));
        member.join("backpressure");
        member.await("room.joined");
        members.add(member);
      }
      long baseline = medianRoundMillis(members, 0, BASELINE_ROUNDS);

      try (RawWebSocket stalled = RawWebSocket.open(Hub.ws(base), 8 * 1024)) {
        assertThat(stalled.read(Duration.ofSeconds(10)).text()).contains("connection.established");
        stalled.sendText("{\"type\":\"room.join\",\"payload\":{\"room_id\":\"backpressure\"}}");
        assertThat(stalled.read(Duration.ofSeconds(10)).text()).contains("room.joined");

        long withStalledReader = medianRoundMillis(members, BASELINE_ROUNDS, ROUNDS);

        for (HubClient member : members) {
          int[] next = new int[SENDERS];
          for (int i = 0; i < SENDERS * ROUNDS; i++) {
            var delivered = member.await("room.broadcast").getJsonObject("payload");
            int sender = indexOf(members, delivered.getString("sender_connection_id"));
            assertThat(delivered.getJsonObject("message").getInt("seq")).isEqualTo(next[sender]++);
          }
          member.sync();
          assertThat(member.isOpen()).isTrue();
        }
        assertThat(withStalledReader)
            .as("median round trip with a stalled reader vs %d ms without", baseline)
            .isLessThanOrEqualTo(3 * baseline + 100);
        RawWebSocket.Frame close = stalled.readUntilClose(Duration.ofSeconds(30));
        assertThat(close.closeCode()).isEqualTo(4002);
        assertThat(Metrics.scrape(base).value("switchboard_slow_consumer_disconnects_total", null))
            .isGreaterThanOrEqualTo(1);
      }
    } finally {
      members.forEach(HubClient::close);
    }
  }

  /**
   * Broadcast rounds {@code from} to {@code to}: every member sends one message, then waits for its
   * own echo before the next round, as a chat client would. Returns the median round time.
   */
  private static long medianRoundMillis(List<HubClient> members, int from, int to) {
    List<Long> rounds = new ArrayList<>();
    for (int n = from; n < to; n++) {
      long start = System.nanoTime();
      for (HubClient sender : members) {
        sender.broadcast(
            "backpressure",
            Json.createObjectBuilder().add("seq", n).add("body", BODY).build(),
            false);
      }
      for (HubClient sender : members) {
        int seq = n;
        sender.awaitArrival("room.broadcast", f -> isOwn(f, sender, seq));
      }
      rounds.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
    Collections.sort(rounds);
    return rounds.get(rounds.size() / 2);
  }

  /** Senders pace themselves on their own echo, as a chat client would; the stalled one cannot. */
  private static boolean isOwn(jakarta.json.JsonObject frame, HubClient sender, int seq) {
    var payload = frame.getJsonObject("payload");
    return payload.getString("sender_connection_id").equals(sender.connectionId())
        && payload.getJsonObject("message").getInt("seq") == seq;
  }

  private static int indexOf(List<HubClient> members, String connectionId) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).connectionId().equals(connectionId)) {
        return i;
      }
    }
    throw new AssertionError("broadcast from unknown connection " + connectionId);
  }
}
