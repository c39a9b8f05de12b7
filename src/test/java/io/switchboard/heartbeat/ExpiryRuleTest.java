package io.switchboard.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.auth.Caller;
import io.switchboard.heartbeat.ExpiryRule.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpiryRuleTest {

  private static final Instant EXP = Instant.parse("2030-01-01T12:00:00Z");
  private static final Duration WARNING = Duration.ofSeconds(60);
  private static final Duration SKEW = Duration.ofSeconds(5);
  private final Caller caller = new Caller("alice", "alice", Set.of(), EXP);

  private Action at(long secondsFromExp, boolean warned) {
    return ExpiryRule.decide(caller, warned, EXP.plusSeconds(secondsFromExp), WARNING, SKEW);
  }

  @Test
  void nothingHappensLongBeforeExpiry() {
    assertThat(at(-61, false)).isEqualTo(Action.NONE);
  }

  @Test
  void theWarningIsDueOnceTheWarningWindowOpens() {
    assertThat(at(-60, false)).isEqualTo(Action.WARN);
    assertThat(at(-1, false)).isEqualTo(Action.WARN);
  }

  @Test
  void aWarnedConnectionIsNotWarnedAgain() {
    assertThat(at(-30, true)).isEqualTo(Action.NONE);
  }

  @Test
  void theConnectionIsClosedOnceExpiryPlusTheSkewHasPassed() {
    assertThat(at(5, true)).isEqualTo(Action.NONE);
    assertThat(at(6, true)).isEqualTo(Action.CLOSE_EXPIRED);
    assertThat(at(6, false)).isEqualTo(Action.CLOSE_EXPIRED);
  }

  @Test
  void withTheWarningOffThereIsOnlyTheClose() {
    assertThat(ExpiryRule.decide(caller, false, EXP.minusSeconds(1), Duration.ZERO, SKEW))
        .isEqualTo(Action.NONE);
  }

  @Test
  void guestsNeverExpire() {
    assertThat(
            ExpiryRule.decide(Caller.guest(), false, Instant.MAX.minusSeconds(99), WARNING, SKEW))
        .isEqualTo(Action.NONE);
  }
}
