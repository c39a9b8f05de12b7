package io.switchboard.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContinuityTest {

  @Test
  void noPositionAsksForNothing() {
    assertThat(Continuity.decide(null, "e", 5, 1)).isEqualTo(Continuity.NOT_ASKED);
  }

  @Test
  void aPositionWhoseSuccessorIsStillHeldIsRecovered() {
    assertThat(Continuity.decide(new Position("e", 3), "e", 10, 4)).isEqualTo(Continuity.RECOVERED);
  }

  @Test
  void theCurrentPositionIsRecoveredEvenWithNothingHeld() {
    assertThat(Continuity.decide(new Position("e", 10), "e", 10, 11))
        .isEqualTo(Continuity.RECOVERED);
  }

  @Test
  void aPositionWhoseSuccessorWasTrimmedIsAGap() {
    assertThat(Continuity.decide(new Position("e", 2), "e", 10, 4))
        .isEqualTo(Continuity.HISTORY_TRIMMED);
  }

  @Test
  void anotherEpochIsAGapWhateverTheSequence() {
    assertThat(Continuity.decide(new Position("old", 10), "e", 10, 1))
        .isEqualTo(Continuity.EPOCH_CHANGED);
  }

  @Test
  void aPositionAheadOfTheStreamIsUnknown() {
    assertThat(Continuity.decide(new Position("e", 11), "e", 10, 1))
        .isEqualTo(Continuity.UNKNOWN_POSITION);
  }
}
