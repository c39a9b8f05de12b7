package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Metrics;
import io.switchboard.support.Refusal;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After real traffic, each series an operator watches has moved by what that traffic caused, under
 * the same name on every server (docs/operations.md lists them).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsMetricsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void trafficMovesTheMessageByteFanoutHandshakeAndHeartbeatSeries() throws Exception {
    Metrics before = Metrics.scrape(base);
    try (HubClient alice = HubClient.connect(Hub.ws(base));
        HubClient bob = HubClient.connect(Hub.ws(base))) {
      alice.join("metrics-room");
      alice.await("room.joined");
      bob.join("metrics-room");
      bob.await("room.joined");
      alice.broadcast("metrics-room", Json.createObjectBuilder().add("n", 1).build(), false);
      bob.await("room.broadcast");
      alice.awaitPingsAnswered(1, Duration.ofSeconds(10));
      alice.sync();

      Metrics after = Metrics.scrape(base);

      assertMoved(before, after, "switchboard_messages_in_total", "type=\"room.join\"", 2);
      assertMoved(before, after, "switchboard_messages_in_total", "type=\"room.broadcast\"", 1);
      assertMoved(
          before, after, "switchboard_messages_out_total", "type=\"connection.established\"", 2);
      assertMoved(before, after, "switchboard_messages_out_total", "type=\"room.broadcast\"", 2);
      assertMoved(before, after, "switchboard_messages_out_total", "type=\"heartbeat.ping\"", 1);
      assertMoved(before, after, "switchboard_bytes_in_total", null, 100);
      assertMoved(before, after, "switchboard_bytes_out_total", null, 500);
      assertMoved(before, after, "switchboard_fanout_size_count", null, 1);
      assertMoved(before, after, "switchboard_fanout_size_sum", null, 2);
      assertMoved(before, after, "switchboard_fanout_latency_seconds_count", null, 1);
      assertMoved(before, after, "switchboard_handshake_duration_seconds_count", null, 2);
      assertMoved(before, after, "switchboard_heartbeat_rtt_milliseconds_count", null, 1);
      assertThat(after.value("switchboard_connections", null)).isGreaterThanOrEqualTo(2);
      assertThat(after.value("switchboard_connections_by_auth", "auth=\"authenticated\""))
          .isGreaterThanOrEqualTo(2);
      assertThat(after.value("switchboard_connections_by_auth", "auth=\"guest\"")).isZero();
      assertThat(after.value("switchboard_outbound_queued", null)).isGreaterThanOrEqualTo(0);
      assertThat(after.value("switchboard_rooms", null)).isGreaterThanOrEqualTo(1);
      assertThat(after.value("switchboard_users", null)).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void aForgedTokenCountsAsAnAuthenticationFailureByReason() throws Exception {
    Metrics before = Metrics.scrape(base);
    String forged =
        Tokens.forUser(Tokens.uniqueUser())
            .signedWith("RS256", Tokens.attackerRsaKey().getPrivate())
            .sign();

    Refusal refusal =
        Refusal.of(Hub.ws(base), Handshake.withToken(forged), "{\"type\":\"message.text\"}");

    assertThat(refusal.httpStatus() == 401 || refusal.closeCode() == 1008).isTrue();

    assertMoved(
        before,
        Metrics.scrape(base),
        "switchboard_auth_failures_total",
        "reason=\"bad_signature\"",
        1);
  }

  @Test
  void aClientsCloseIsCountedByCode() throws Exception {
    Metrics before = Metrics.scrape(base);
    HubClient.connect(Hub.ws(base)).close();

    Metrics after = Metrics.scrape(base);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (after.valueOrZero("switchboard_closes_total", "code=\"1000\"")
            <= before.valueOrZero("switchboard_closes_total", "code=\"1000\"")
        && System.nanoTime() < deadline) {
      after = Metrics.scrape(base);
    }

    assertMoved(before, after, "switchboard_closes_total", "code=\"1000\"", 1);
  }

  private static void assertMoved(
      Metrics before, Metrics after, String name, String label, double atLeast) {
    assertThat(after.value(name, label) - before.valueOrZero(name, label))
        .as("%s{%s} moved", name, label)
        .isGreaterThanOrEqualTo(atLeast);
  }
}
