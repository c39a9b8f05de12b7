package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.Tokens;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The load generator, run for a few seconds against the deployed WAR with its default limits: one
 * publisher at 10 messages a second (under the rate limit of 60 a minute) to 20 subscribers, every
 * connection a different user with a valid token. It must count every delivery once, in order, with
 * plausible latencies, while answering the hub's pings.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoadGeneratorSmokeIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void measuresEveryFanOutDeliveryOnceInOrderWithLatencies() throws Exception {
    Options options =
        Options.parse(
            "--url", Hub.ws(base).toString(),
            "--subscribers", "20",
            "--publishers", "1",
            "--rate", "10",
            "--warmup", "1",
            "--duration", "2",
            "--label", "smoke");

    Result result = new LoadGenerator(options, i -> Tokens.valid()).run();

    assertThat(result.connections()).isEqualTo(21);
    assertThat(result.deliveries()).isBetween(20L * 10, 20L * 30);
    assertThat(result.lost()).isZero();
    assertThat(result.duplicated()).isZero();
    assertThat(result.outOfOrder()).isZero();
    assertThat(result.errors()).isZero();
    assertThat(result.closedByServer()).isZero();
    assertThat(result.p50()).isPositive().isLessThanOrEqualTo(result.p99());
    assertThat(result.p99()).isLessThanOrEqualTo(result.p999()).isLessThan(5_000_000);
    assertThat(result.generatorCpuMicrosPerDelivery()).isPositive();
    assertThat(result.setupP50()).isPositive();
  }
}
