package io.switchboard.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotTest {

  @Test
  void anArrivalOfANewUserCountsAndListsIt() {
    Presence.Snapshot before = new Presence.Snapshot(1, Map.of("alice", 1));

    Presence.Snapshot after = before.withArrival("bob", 10);

    assertThat(after.userCount()).isEqualTo(2);
    assertThat(after.users()).containsExactly(Map.entry("alice", 1), Map.entry("bob", 1));
  }

  @Test
  void anotherConnectionOfAListedUserCountsOnlyAsAConnection() {
    Presence.Snapshot after = new Presence.Snapshot(1, Map.of("alice", 1)).withArrival("alice", 10);

    assertThat(after.userCount()).isEqualTo(1);
    assertThat(after.users()).containsEntry("alice", 2);
  }

  @Test
  void aFullListingIsLeftAsItIs() {
    Presence.Snapshot before = new Presence.Snapshot(5, Map.of("a", 1, "b", 1));

    assertThat(before.withArrival("c", 2)).isEqualTo(before);
  }
}
