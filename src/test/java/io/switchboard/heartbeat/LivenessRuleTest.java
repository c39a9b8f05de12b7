package io.switchboard.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.config.Setting;
import io.switchboard.config.Settings;
import io.switchboard.heartbeat.LivenessRule.Action;
import io.switchboard.registry.Liveness;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LivenessRuleTest {

  private static final long T0 = 1_000_000_000L;
  private final Settings settings =
      Settings.read(
          Map.of(
                  Setting.WS_HEARTBEAT_INTERVAL,
                  30,
                  Setting.WS_HEARTBEAT_TIMEOUT,
                  60,
                  Setting.WS_IDLE_TIMEOUT,
                  300)
              ::get);

  private static long at(long seconds) {
    return T0 + TimeUnit.SECONDS.toNanos(seconds);
  }

  @Test
  void aFreshConnectionIsLeftAlone() {
    assertThat(LivenessRule.decide(new Liveness(T0), at(10), settings)).isEqualTo(Action.NONE);
  }

  @Test
  void aPingIsDueOnceTheIntervalHasPassed() {
    assertThat(LivenessRule.decide(new Liveness(T0), at(30), settings)).isEqualTo(Action.PING);
  }

  @Test
  void aConnectionThatNeverAnswersIsClosedAfterTheHeartbeatTimeout() {
    Liveness liveness = new Liveness(T0);
    liveness.pinged("p1", at(30));

    assertThat(LivenessRule.decide(liveness, at(59), settings))
        .isNotEqualTo(Action.CLOSE_HEARTBEAT_TIMEOUT);
    assertThat(LivenessRule.decide(liveness, at(61), settings))
        .isEqualTo(Action.CLOSE_HEARTBEAT_TIMEOUT);
  }

  @Test
  void aClientThatAnswersEveryPingIsNeverDroppedAsIdle() {
    Liveness liveness = new Liveness(T0);
    for (long s = 30; s <= 600; s += 30) {
      assertThat(LivenessRule.decide(liveness, at(s), settings)).isEqualTo(Action.PING);
      liveness.pinged("p" + s, at(s));
      liveness.inbound(at(s + 1));
      liveness.ponged("p" + s, at(s + 1));
    }
    assertThat(LivenessRule.decide(liveness, at(601), settings)).isEqualTo(Action.NONE);
  }

  @Test
  void theAnswerToTheLatestPingGivesTheRoundTrip() {
    Liveness liveness = new Liveness(T0);
    liveness.pinged("p1", at(30));

    liveness.ponged("p1", at(30) + TimeUnit.MILLISECONDS.toNanos(42));

    assertThat(liveness.roundTripMillis()).isEqualTo(42);
  }

  @Test
  void withPingsOffASilentConnectionIsClosedAsIdle() {
    Settings noPings =
        Settings.read(Map.of(Setting.WS_HEARTBEAT_INTERVAL, 0, Setting.WS_IDLE_TIMEOUT, 300)::get);
    Liveness liveness = new Liveness(T0);

    assertThat(LivenessRule.decide(liveness, at(299), noPings)).isEqualTo(Action.NONE);
    assertThat(LivenessRule.decide(liveness, at(301), noPings)).isEqualTo(Action.CLOSE_IDLE);
  }

  @Test
  void aWriteStuckLongerThanTheSendTimeoutMeansASlowConsumer() {
    Liveness liveness = new Liveness(T0);
    liveness.writeStarted(at(1), 10);

    assertThat(LivenessRule.decide(liveness, at(10), settings)).isEqualTo(Action.NONE);
    assertThat(LivenessRule.decide(liveness, at(12), settings))
        .isEqualTo(Action.CLOSE_SLOW_CONSUMER);
    liveness.writeFinished();
    assertThat(LivenessRule.decide(liveness, at(12), settings)).isEqualTo(Action.NONE);
  }
}
