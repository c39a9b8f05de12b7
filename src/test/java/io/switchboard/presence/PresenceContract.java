package io.switchboard.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Presence} guarantees, run against each implementation: extend it and say how to
 * get a node's view. Every call of {@link #node()} stands for another node of the same cluster (one
 * shared instance for an implementation that lives on one node), so the rules that span nodes are
 * checked wherever a cluster exists. Grace periods run on the implementation's own clock, so the
 * suite uses short ones and waits with deadlines.
 */
public abstract class PresenceContract {

  private static final Duration GRACE = Duration.ofMillis(400);
  private static final Duration LONG_GRACE = Duration.ofSeconds(30);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** A node of the cluster under test: a new view of the same presence on each call. */
  protected abstract Presence node();

  private final String room = "room-" + UUID.randomUUID();

  @Test
  void onlyAUsersFirstConnectionIsAnnouncedEvenFromAnotherNode() {
    Presence a = node();
    Presence b = node();

    assertThat(done(a.arrive(room, "alice", "alice-connection"))).isTrue();
    assertThat(done(b.arrive(room, "alice", "alice-connection"))).isFalse();
    assertThat(done(b.arrive(room, "bob", "bob-connection"))).isTrue();

    Presence.Snapshot users = done(a.snapshot(room, 10));
    assertThat(users.userCount()).isEqualTo(2);
    assertThat(users.users()).containsEntry("alice", 2).containsEntry("bob", 1);
  }

  @Test
  void onlyAUsersLastConnectionLeavingIsAnnouncedAndAtOnceWithoutGrace() {
    Presence a = node();
    Presence b = node();
    done(a.arrive(room, "alice", "alice-connection"));
    done(b.arrive(room, "alice", "alice-connection"));

    assertThat(done(a.depart(room, "alice", "c1", Duration.ZERO))).isFalse();
    assertThat(done(b.depart(room, "alice", "c2", Duration.ZERO))).isTrue();
    assertThat(done(a.snapshot(room, 10)).userCount()).isZero();
  }

  @Test
  void aDepartureWithGraceIsDueOnceAfterItAndNeverBefore() {
    Presence a = node();
    Presence b = node();
    done(a.arrive(room, "alice", "alice-connection"));
    long departed = System.nanoTime();

    assertThat(done(a.depart(room, "alice", "c1", GRACE))).isFalse();
    List<Presence.Gone> gone = awaitDue(List.of(a, b));

    assertThat(System.nanoTime() - departed).isGreaterThanOrEqualTo(GRACE.toNanos());
    assertThat(gone).containsExactly(new Presence.Gone(room, "alice", "c1", 0));
    assertThat(mine(done(a.due()))).isEmpty();
    assertThat(mine(done(b.due()))).isEmpty();
  }

  @Test
  void aUserBackWithinTheGraceOnAnotherNodeIsNeitherAnnouncedBackNorGone() {
    Presence a = node();
    Presence b = node();
    done(a.arrive(room, "alice", "alice-connection"));
    done(a.depart(room, "alice", "c1", GRACE));

    assertThat(done(b.arrive(room, "alice", "alice-connection"))).isFalse();
    done(a.arrive(room, "bob", "bob-connection"));
    done(a.depart(room, "bob", "c2", GRACE));

    assertThat(awaitDue(List.of(a, b))).extracting(Presence.Gone::userId).containsExactly("bob");
    assertThat(done(a.snapshot(room, 10)).users()).containsOnlyKeys("alice");
  }

  @Test
  void aHeldBackUserIsNotCountedAndItsDepartureIsNotDueWithinALongGrace() {
    Presence a = node();
    done(a.arrive(room, "alice", "alice-connection"));
    done(a.arrive(room, "bob", "bob-connection"));

    done(a.depart(room, "alice", "c1", LONG_GRACE));

    assertThat(done(a.snapshot(room, 10)).users()).containsOnlyKeys("bob");
    assertThat(mine(done(a.due()))).isEmpty();
  }

  @Test
  void theListedUsersAreBoundedButTheCountIsExact() {
    Presence a = node();
    done(a.arrive(room, "a", "a-connection"));
    done(a.arrive(room, "b", "b-connection"));
    done(node().arrive(room, "c", "c-connection"));

    Presence.Snapshot users = done(a.snapshot(room, 2));

    assertThat(users.users()).hasSize(2);
    assertThat(users.userCount()).isEqualTo(3);
  }

  @Test
  void anUnknownRoomHasNoUsersAndALeaveFromItIsNotAnnounced() {
    assertThat(done(node().snapshot(room, 10)).userCount()).isZero();
    assertThat(done(node().depart(room, "alice", "c1", Duration.ZERO))).isFalse();
  }

  @Test
  void aLargeRoomWhoseUsersChangedIsReportedOnceAboveTheThreshold() {
    Presence a = node();
    done(a.arrive(room, "a", "a-connection"));
    done(a.arrive(room, "b", "b-connection"));

    assertThat(done(a.changedLargeRooms(1))).contains(room);
    assertThat(done(a.changedLargeRooms(1))).doesNotContain(room);

    done(a.arrive(room, "c", "c-connection"));
    assertThat(done(a.changedLargeRooms(1))).contains(room);
    assertThat(done(a.changedLargeRooms(5))).doesNotContain(room);
  }

  /** Sweeps the nodes until this room's departures come due; every node sweeps, as in a cluster. */
  private List<Presence.Gone> awaitDue(List<Presence> nodes) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    List<Presence.Gone> gone = new ArrayList<>();
    while (gone.isEmpty() && System.nanoTime() < deadline) {
      for (Presence node : nodes) {
        gone.addAll(mine(done(node.due())));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    assertThat(gone).as("departures due within %s", TIMEOUT).isNotEmpty();
    return gone;
  }

  private List<Presence.Gone> mine(List<Presence.Gone> gone) {
    return gone.stream().filter(g -> g.roomId().equals(room)).toList();
  }

  private static <T> T done(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("presence call failed or timed out", e);
    }
  }
}
