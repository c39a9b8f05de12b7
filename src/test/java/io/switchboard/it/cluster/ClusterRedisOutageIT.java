package io.switchboard.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.HubClient;
import io.switchboard.support.cluster.Cluster;
import io.switchboard.support.cluster.Node;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis stopped for five seconds under traffic on two nodes, then started again (empty: no
 * persistence): what was acknowledged before reached every member, nothing is acknowledged or
 * delivered while Redis is away (the publisher hears {@code unavailable}), readiness says so, and
 * afterwards every member is told to resync and publishing works again.
 */
class ClusterRedisOutageIT {

  private static final Duration BACK = Duration.ofSeconds(30);

  @RegisterExtension static final Cluster cluster = Cluster.of(2);

  private final Node a = cluster.node(0);
  private final Node b = cluster.node(1);
  private final String room = "outage-" + UUID.randomUUID();

  @Test
  void noAcknowledgedMessageIsLostAndEveryMemberIsToldToResyncAfterTheOutage() throws Exception {
    try (HubClient publisher = HubClient.connect(a.ws());
        HubClient reader = HubClient.connect(b.ws())) {
      join(publisher);
      join(reader);
      List<Long> acked = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        acked.add(publish(publisher, "before " + i).getJsonNumber("seq").longValue());
      }
      List<Long> received = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        received.add(
            reader
                .await("room.broadcast")
                .getJsonObject("payload")
                .getJsonNumber("seq")
                .longValue());
      }

      cluster.redis().stop();
      String refused = publisher.broadcast(room, text("during"), true);

      assertThat(publisher.awaitErrorCode(refused)).isEqualTo("unavailable");
      assertThat(ready(a)).isEqualTo(503);
      reader.expectNothingFor(Duration.ofSeconds(5));

      cluster.redis().start();
      JsonObject resyncA = publisher.await("room.resync", BACK).getJsonObject("payload");
      JsonObject resyncB = reader.await("room.resync", BACK).getJsonObject("payload");
      JsonObject ack = publish(publisher, "after");
      JsonObject delivered = reader.await("room.broadcast").getJsonObject("payload");

      assertThat(received).containsExactlyElementsOf(acked);
      assertThat(resyncA.getString("room_id")).isEqualTo(room);
      assertThat(resyncB.getString("room_id")).isEqualTo(room);
      assertThat(delivered.getJsonObject("message").getString("text")).isEqualTo("after");
      assertThat(delivered.getString("epoch")).isEqualTo(ack.getString("epoch"));
      assertThat(ready(a)).isEqualTo(200);
    }
  }

  private JsonObject publish(HubClient client, String text) {
    String id = client.broadcast(room, text(text), true);
    return client
        .await(
            "room.broadcast.ack",
            f -> id.equals(f.getJsonObject("payload").getString("ref_message_id", null)))
        .getJsonObject("payload");
  }

  private JsonObject join(HubClient client) {
    client.join(room);
    return client.await("room.joined").getJsonObject("payload");
  }

  private static JsonObject text(String text) {
    return Json.createObjectBuilder().add("text", text).build();
  }

  private static int ready(Node node) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(node.http("health/ready")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
