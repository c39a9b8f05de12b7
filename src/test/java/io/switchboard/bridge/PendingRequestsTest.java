package io.switchboard.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.bridge.PendingRequests.Refusal;
import io.switchboard.bridge.PendingRequests.Ticket;
import org.junit.jupiter.api.Test;

class PendingRequestsTest {

  @Test
  void aRequestIsPendingUntilItsFirstOutcomeAndOnlyTheFirstCounts() {
    PendingRequests pending = new PendingRequests(10, 2);
    Ticket ticket = new Ticket("c1", "m1");

    assertThat(pending.start(ticket)).isEmpty();
    assertThat(pending.size()).isEqualTo(1);

    assertThat(pending.finish(ticket)).isTrue();
    assertThat(pending.finish(ticket)).isFalse();
    assertThat(pending.size()).isZero();
    assertThat(pending.of("c1")).isZero();
  }

  @Test
  void theSameMessageIdCannotBePendingTwiceOnOneConnectionButCanOnAnother() {
    PendingRequests pending = new PendingRequests(10, 5);
    pending.start(new Ticket("c1", "m1"));

    assertThat(pending.start(new Ticket("c1", "m1"))).contains(Refusal.DUPLICATE_ID);
    assertThat(pending.start(new Ticket("c2", "m1"))).isEmpty();
  }

  @Test
  void aConnectionCannotHoldMoreThanItsShare() {
    PendingRequests pending = new PendingRequests(10, 2);
    pending.start(new Ticket("c1", "m1"));
    pending.start(new Ticket("c1", "m2"));

    assertThat(pending.start(new Ticket("c1", "m3"))).contains(Refusal.CONNECTION_FULL);
    assertThat(pending.of("c1")).isEqualTo(2);

    pending.finish(new Ticket("c1", "m1"));
    assertThat(pending.start(new Ticket("c1", "m3"))).isEmpty();
  }

  @Test
  void theNodeBoundHoldsAcrossConnectionsAndIsFreedByOutcomes() {
    PendingRequests pending = new PendingRequests(2, 2);
    pending.start(new Ticket("c1", "m1"));
    pending.start(new Ticket("c2", "m1"));

    assertThat(pending.start(new Ticket("c3", "m1"))).contains(Refusal.NODE_FULL);
    assertThat(pending.size()).isEqualTo(2);
    assertThat(pending.of("c3")).isZero();

    pending.finish(new Ticket("c2", "m1"));
    assertThat(pending.start(new Ticket("c3", "m1"))).isEmpty();
  }
}
