package io.switchboard.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.HubClient;
import io.switchboard.support.cluster.Cluster;
import io.switchboard.support.cluster.Node;
import jakarta.websocket.CloseReason;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The harness itself: a redis-server and two nodes of the packaged WAR as separate server
 * processes, each serving its own clients, and a node that can be killed and started again on the
 * same address.
 */
class ClusterNodesIT {

  @RegisterExtension static final Cluster cluster = Cluster.of(2);

  @Test
  void redisAndTwoNodesRunAndEachNodeIsReadyAndServesItsOwnConnections() throws Exception {
    assertThat(cluster.redis().command("PING")).isEqualTo("PONG");
    Node a = cluster.node(0);
    Node b = cluster.node(1);

    try (HubClient onA = HubClient.connect(a.ws());
        HubClient onB = HubClient.connect(b.ws())) {
      onA.sync();
      onB.sync();

      assertThat(a.port()).isNotEqualTo(b.port());
      assertThat(onA.connectionId()).isNotEqualTo(onB.connectionId());
      assertThat(ready(a)).isEqualTo(200);
      assertThat(ready(b)).isEqualTo(200);
    }
  }

  @Test
  void aKilledNodeDropsItsClientsWithoutACloseFrameAndComesBackOnTheSameAddress() {
    Node a = cluster.node(0);
    Node b = cluster.node(1);
    try (HubClient onA = HubClient.connect(a.ws());
        HubClient onB = HubClient.connect(b.ws())) {

      b.kill();

      assertThat(onB.awaitClose().getCloseCode())
          .isEqualTo(CloseReason.CloseCodes.CLOSED_ABNORMALLY);
      onA.sync();

      b.start();
      b.awaitReady();
      try (HubClient again = HubClient.connect(b.ws())) {
        again.sync();
      }
    }
  }

  private static int ready(Node node) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(node.http("health/ready")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
