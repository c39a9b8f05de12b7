package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A closed connection leaves no trace: many clients come and go concurrently, then the room, the
 * user index and the connection index are inspected through the protocol itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistryCleanupIT {

  private static final int THREADS = 8;
  private static final int CYCLES_PER_THREAD = 25;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void connectionsThatComeAndGoLeaveNoTraceAndEveryPresentMemberGetsEveryBroadcast()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<List<String[]>>> results = new ArrayList<>();
    try (HubClient observer = HubClient.connect(Hub.ws(base))) {
      observer.join("cleanup");
      observer.await("room.joined");
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(pool.submit(() -> cycles(thread)));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

      List<String[]> departed = new ArrayList<>();
      for (Future<List<String[]>> f : results) {
        departed.addAll(f.get());
      }
      assertThat(departed).hasSize(THREADS * CYCLES_PER_THREAD);

      Set<String> broadcastsSeen = new HashSet<>();
      for (int i = 0; i < departed.size(); i++) {
        String text =
            observer
                .await("room.broadcast")
                .getJsonObject("payload")
                .getJsonObject("message")
                .getString("text");
        assertThat(broadcastsSeen.add(text)).as("delivered once: %s", text).isTrue();
      }

      try (HubClient late = HubClient.connect(Hub.ws(base))) {
        late.join("cleanup");
        JsonObject roster = late.await("room.joined").getJsonObject("payload");
        assertThat(roster.getInt("member_count"))
            .as("only the observer and the late joiner remain")
            .isEqualTo(2);
        for (String[] gone : departed.subList(0, 20)) {
          String byConnection =
              late.send(
                  "message.direct",
                  Json.createObjectBuilder()
                      .add("connection_id", gone[0])
                      .add("message", 1)
                      .build());
          assertThat(late.awaitErrorCode(byConnection)).isEqualTo("target_not_found");
          String byUser =
              late.send(
                  "message.direct",
                  Json.createObjectBuilder().add("user_id", gone[1]).add("message", 1).build());
          assertThat(late.awaitErrorCode(byUser)).isEqualTo("target_not_found");
        }
      }
    }
  }

  private List<String[]> cycles(int thread) {
    List<String[]> departed = new ArrayList<>();
    for (int cycle = 0; cycle < CYCLES_PER_THREAD; cycle++) {
      HubClient client = HubClient.connect(Hub.ws(base));
      client.join("cleanup");
      client.await("room.joined");
      client.join("cleanup-" + thread);
      client.await("room.joined");
      String text = "t" + thread + "c" + cycle;
      client.broadcast("cleanup", Json.createObjectBuilder().add("text", text).build(), false);
      client.await(
          "room.broadcast",
          f -> f.getJsonObject("payload").getJsonObject("message").getString("text").equals(text));
      client.close();
      client.awaitClose();
      departed.add(new String[] {client.connectionId(), client.userId()});
    }
    return departed;
  }
}
