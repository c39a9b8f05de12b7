package io.switchboard.presence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PresenceTest {

  private final Presence presence = new Presence();

  @Test
  void aHeldBackDepartureIsDueOnceAndTheRoomIsForgotten() {
    presence.arrive("r", "alice");
    presence.depart("r", "alice", "c1", 100, 0);

    assertThat(presence.due(50)).isEmpty();
    assertThat(presence.due(100)).containsExactly(new Presence.Gone("r", "alice", "c1", 0));
    assertThat(presence.due(1000)).isEmpty();
    assertThat(presence.rooms()).isZero();
  }

  @Test
  void aDepartureAfterTheRoomWasSweptIsStillDue() {
    presence.arrive("r", "alice");
    presence.arrive("r", "bob");
    presence.depart("r", "alice", "c1", 100, 0);
    presence.due(100);

    presence.depart("r", "bob", "c2", 100, 200);

    assertThat(presence.due(300)).extracting(Presence.Gone::userId).containsExactly("bob");
  }

  @Test
  void onlyRoomsAboveTheThresholdWhoseUsersChangedAreReportedAndOnlyOnce() {
    presence.arrive("big", "a");
    presence.arrive("big", "b");
    presence.arrive("small", "a");

    assertThat(presence.changedLargeRooms(1)).containsExactly("big");
    assertThat(presence.changedLargeRooms(1)).isEmpty();

    presence.arrive("big", "c");
    assertThat(presence.changedLargeRooms(1)).containsExactly("big");
  }
}
