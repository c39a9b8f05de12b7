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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kill -9} of a node under traffic, with a 2 s node lease and a 2 s presence grace: its
 * clients reconnect to the other node and recover every message they missed, once and in order; its
 * users who do not come back are announced gone within lease + sweep + grace, and the one who came
 * back is not.
 */
class ClusterNodeLossIT {

  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration GRACE = Duration.ofSeconds(2);
  private static final Duration SLACK = Duration.ofSeconds(3);

  @RegisterExtension
  static final Cluster cluster =
      Cluster.of(2)
          .env("WS_NODE_LEASE", Long.toString(LEASE.toSeconds()))
          .env("WS_PRESENCE_GRACE", Long.toString(GRACE.toSeconds()));

  private final Node a = cluster.node(0);
  private final Node b = cluster.node(1);
  private final String room = "loss-" + UUID.randomUUID();

  @Test
  void clientsOfAKilledNodeRecoverEveryMessageOnceAndItsUsersWhoStayAwayAreAnnouncedGone() {
    String gina = Tokens.uniqueUser();
    String hank = Tokens.uniqueUser();
    try (HubClient watcher = HubClient.connect(a.ws());
        HubClient publisher = HubClient.connect(a.ws());
        HubClient reader = HubClient.connect(b.ws(), as(gina));
        HubClient leaver = HubClient.connect(b.ws(), as(hank))) {
      join(watcher);
      join(publisher);
      String epoch = join(reader).getJsonObject("stream").getString("epoch");
      join(leaver);
      List<Long> seen = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        publisher.broadcast(room, text("m" + i), true);
      }
      for (int i = 1; i <= 5; i++) {
        seen.add(seq(reader.await("room.broadcast")));
      }

      b.kill();
      long killed = System.nanoTime();
      for (int i = 11; i <= 20; i++) {
        publisher.broadcast(room, text("m" + i), true);
      }
      reader.awaitClose();
      seen.addAll(drained(reader));

      try (HubClient back = HubClient.connect(a.ws(), as(gina))) {
        back.send(
            "room.join",
            Json.createObjectBuilder()
                .add("room_id", room)
                .add(
                    "since",
                    Json.createObjectBuilder()
                        .add("epoch", epoch)
                        .add("seq", seen.get(seen.size() - 1)))
                .build());
        JsonObject rejoined = back.await("room.joined").getJsonObject("payload");
        assertThat(rejoined.getBoolean("recovered")).isTrue();
        while (seen.get(seen.size() - 1) < 20) {
          seen.add(seq(back.await("room.broadcast")));
        }

        JsonObject gone =
            watcher
                .await("room.member.left", LEASE.plus(GRACE).plus(SLACK))
                .getJsonObject("payload");
        long elapsed = System.nanoTime() - killed;

        assertThat(seen).containsExactlyElementsOf(range(1, 20));
        assertThat(gone.getJsonObject("member").getString("user_id")).isEqualTo(hank);
        assertThat(elapsed).isGreaterThanOrEqualTo(GRACE.toNanos());
        watcher.sync();
        assertThat(watcher.unread("room.member.left")).isEmpty();
      }
    }
  }

  /** The broadcasts a client received before its connection broke, in arrival order. */
  private static List<Long> drained(HubClient client) {
    return client.unread("room.broadcast").stream().map(ClusterNodeLossIT::seq).toList();
  }

  private static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }

  private JsonObject join(HubClient client) {
    client.join(room);
    return client.await("room.joined").getJsonObject("payload");
  }

  private static long seq(JsonObject frame) {
    return frame.getJsonObject("payload").getJsonNumber("seq").longValue();
  }

  private static JsonObject text(String text) {
    return Json.createObjectBuilder().add("text", text).build();
  }

  private static Handshake as(String user) {
    return Handshake.withToken(Tokens.forUser(user).groups("user").sign());
  }
}
