package io.switchboard.presence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomPresenceTest {

  private final RoomPresence room = new RoomPresence();

  @Test
  void onlyAUsersFirstConnectionIsAnnounced() {
    assertThat(room.arrive("alice")).isTrue();
    assertThat(room.arrive("alice")).isFalse();
    assertThat(room.connections("alice")).isEqualTo(2);
    assertThat(room.userCount()).isEqualTo(1);
  }

  @Test
  void onlyAUsersLastConnectionLeavingIsAnnouncedAndAtOnceWithoutGrace() {
    room.arrive("alice");
    room.arrive("alice");

    assertThat(room.depart("alice", "c1", 0, 0)).isFalse();
    assertThat(room.depart("alice", "c2", 0, 0)).isTrue();
    assertThat(room.isEmpty()).isTrue();
  }

  @Test
  void aDepartureWithGraceIsDueOnlyAfterIt() {
    room.arrive("alice");

    assertThat(room.depart("alice", "c1", 100, 0)).isFalse();
    assertThat(room.due(99)).isEmpty();
    assertThat(room.due(100)).containsExactly(new RoomPresence.Departure("alice", "c1", 100));
    assertThat(room.isEmpty()).isTrue();
  }

  @Test
  void aUserBackWithinTheGraceIsNeitherAnnouncedBackNorGone() {
    room.arrive("alice");
    room.depart("alice", "c1", 100, 0);

    assertThat(room.arrive("alice")).isFalse();
    assertThat(room.due(1000)).isEmpty();
    assertThat(room.userCount()).isEqualTo(1);
  }

  @Test
  void theListedUsersAreBoundedButTheCountIsExact() {
    room.arrive("a");
    room.arrive("b");
    room.arrive("c");

    assertThat(room.users(2)).containsOnlyKeys("a", "b");
    assertThat(room.userCount()).isEqualTo(3);
  }
}
