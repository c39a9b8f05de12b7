package io.switchboard.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.config.HubConfig;
import io.switchboard.config.Setting;
import io.switchboard.config.Settings;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.MessageType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The abuse of issue 17, item 4: a member stays in "main" while another user creates many rooms.
 * Rooms with members are never evicted, and one user's rooms only ever push out that user's own.
 */
class MemoryRoomStreamsBudgetTest {

  private final MemoryRoomStreams streams =
      new MemoryRoomStreams(
          new HubConfig(
              Settings.read(
                  Map.of(Setting.WS_ROOM_STREAMS, 20, Setting.WS_ROOM_STREAMS_PER_USER, 5)::get)),
          (room, frame, except) -> {});

  private Replay join(String roomId, String userId, String connectionId) {
    return streams
        .forJoin(roomId, userId)
        .attach(connectionId, () -> true, null, 50, r -> {}, System.nanoTime())
        .toCompletableFuture()
        .join()
        .orElseThrow();
  }

  private Published publish(String roomId, String key) {
    return streams
        .of(roomId)
        .publish(
            key,
            (seq, epoch) -> new Frame(MessageType.ROOM_BROADCAST, seq + ":" + key),
            null,
            System.nanoTime())
        .toCompletableFuture()
        .join();
  }

  private void leave(String roomId, String connectionId) {
    assertThat(streams.detach(roomId, connectionId, () -> true)).isTrue();
  }

  /** Bob joins a new room, says one thing and leaves, {@code rooms} times (the probe). */
  private void flood(String userId, int rooms) {
    for (int i = 0; i < rooms; i++) {
      String roomId = userId + "-room-" + i;
      join(roomId, userId, userId + "-conn");
      publish(roomId, userId + "-" + i);
      leave(roomId, userId + "-conn");
    }
  }

  @Test
  void aRoomWithAMemberKeepsItsEpochHistoryAndDedupWindowWhileAnotherUserCreatesManyRooms() {
    join("main", "alice", "alice-conn");
    Published first = null;
    for (int i = 0; i < 10; i++) {
      Published published = publish("main", "alice\nm" + i);
      first = first == null ? published : first;
    }

    flood("bob", 1_000);

    Published retried = publish("main", "alice\nm0");
    assertThat(retried.duplicate()).isTrue();
    assertThat(retried.epoch()).isEqualTo(first.epoch());
    assertThat(retried.seq()).isEqualTo(first.seq());
    Replay history = join("main", "carol", "carol-conn");
    assertThat(history.epoch()).isEqualTo(first.epoch());
    assertThat(history.frames()).hasSize(10);
    assertThat(streams.count()).isLessThanOrEqualTo(20);
  }

  @Test
  void oneUsersRoomsPushOutOnlyThatUsersOwnRoomsBeyondItsBound() {
    join("archive", "carol", "carol-conn");
    Published kept = publish("archive", "carol\nhello");
    leave("archive", "carol-conn");

    flood("bob", 100);

    Replay later = join("archive", "dave", "dave-conn");
    assertThat(later.epoch()).isEqualTo(kept.epoch());
    assertThat(later.frames()).hasSize(1);
    assertThat(streams.count()).isEqualTo(1 + 5);
  }

  @Test
  void beyondTheNodesBoundTheLeastRecentlyUsedRoomWithoutMembersIsEvicted() {
    String[] epochs = new String[20];
    for (int user = 0; user < 20; user++) {
      join("room-" + user, "user-" + user, "conn-" + user);
      epochs[user] = publish("room-" + user, "first").epoch();
    }
    leave("room-3", "conn-3");
    leave("room-7", "conn-7");
    publish("room-3", "later");

    join("newcomer", "user-new", "conn-new");

    assertThat(streams.count()).isEqualTo(20);
    assertThat(publish("room-3", "kept").epoch()).isEqualTo(epochs[3]);
    assertThat(publish("room-0", "kept").epoch()).isEqualTo(epochs[0]);
    assertThat(join("room-7", "user-7", "conn-7").epoch())
        .as("room-7, used least recently among the rooms without members, starts again")
        .isNotEqualTo(epochs[7]);
  }

  @Test
  void aJoinThatWouldEvictARoomWithMembersIsRefused() {
    for (int user = 0; user < 20; user++) {
      join("room-" + user, "user-" + user, "conn-" + user);
      publish("room-" + user, "user-" + user + "\nhi");
    }

    assertThatThrownBy(() -> join("one-too-many", "user-new", "conn-new"))
        .isInstanceOf(StreamLimitException.class)
        .hasMessageContaining("WS_ROOM_STREAMS (20)");
    assertThat(streams.count()).isEqualTo(20);
    assertThat(join("room-0", "user-x", "conn-x").seq()).isEqualTo(1);
  }

  @Test
  void aUserWhoseOwnRoomsAllHaveMembersIsRefusedAnotherRoom() {
    for (int i = 0; i < 5; i++) {
      join("bob-room-" + i, "bob", "bob-conn");
    }

    assertThatThrownBy(() -> join("bob-room-5", "bob", "bob-conn"))
        .isInstanceOf(StreamLimitException.class)
        .hasMessageContaining("WS_ROOM_STREAMS_PER_USER (5)");
    join("alice-room", "alice", "alice-conn");
    assertThat(streams.count()).isEqualTo(6);
  }

  @Test
  void aRefusedAttachLeavesTheStreamEvictable() {
    Optional<Replay> refused =
        streams
            .forJoin("refused", "bob")
            .attach("bob-conn", () -> false, null, 0, r -> {}, System.nanoTime())
            .toCompletableFuture()
            .join();
    assertThat(refused).isEmpty();

    flood("bob", 5);

    assertThat(streams.count()).isEqualTo(5);
    assertThat(join("refused", "carol", "carol-conn").seq()).isZero();
  }
}
