package io.switchboard.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract on one node, plus what only memory does: forgetting an empty room. */
class MemoryPresenceTest extends PresenceContract {

  private final MemoryPresence presence = new MemoryPresence();

  @Override
  protected Presence node() {
    return presence;
  }

  @Test
  void aRoomIsForgottenOnceItsLastDepartureIsDue() {
    long[] now = {0};
    MemoryPresence clocked = new MemoryPresence(() -> now[0]);
    clocked.arrive("r", "alice", "c1");
    clocked.depart("r", "alice", "c1", Duration.ofNanos(100));

    now[0] = 100;
    clocked.due();

    assertThat(clocked.rooms()).isZero();
  }
}
