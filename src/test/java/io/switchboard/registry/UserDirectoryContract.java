package io.switchboard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserDirectory} guarantees, run against each implementation: extend it and say
 * how to get a node's view. Every call of {@link #node()} stands for another node of the same
 * cluster (one shared instance for an implementation that lives on one node).
 */
public abstract class UserDirectoryContract {

  private static final long TIMEOUT_SECONDS = 10;

  /** A node of the cluster under test: a new view of the same directory on each call. */
  protected abstract UserDirectory node();

  private final String user = "user-" + UUID.randomUUID();

  @Test
  void theLimitHoldsForAUserConnectedThroughSeveralNodes() {
    UserDirectory a = node();
    UserDirectory b = node();

    assertThat(done(a.admit(user, "c1", 2))).isTrue();
    assertThat(done(b.admit(user, "c2", 2))).isTrue();
    assertThat(done(b.admit(user, "c3", 2))).isFalse();
    assertThat(done(a.admit(user, "c4", 2))).isFalse();

    assertThat(done(a.connections(user))).isEqualTo(2);
    assertThat(done(b.connections(user))).isEqualTo(2);
  }

  @Test
  void aRemovedConnectionFreesItsSlotForEveryNode() {
    UserDirectory a = node();
    UserDirectory b = node();
    done(a.admit(user, "c1", 1));

    done(a.remove(user, "c1"));

    assertThat(done(b.admit(user, "c2", 1))).isTrue();
    assertThat(done(a.connections(user))).isEqualTo(1);
  }

  @Test
  void removingIsIdempotentAndAnUnknownUserHasNoConnections() {
    UserDirectory a = node();
    done(a.admit(user, "c1", 5));

    done(a.remove(user, "c1"));
    done(node().remove(user, "c1"));
    done(a.remove(user, "never-admitted"));

    assertThat(done(a.connections(user))).isZero();
    assertThat(done(a.connections("nobody-" + UUID.randomUUID()))).isZero();
  }

  @Test
  void aConnectionIsKnownOnEveryNodeFromItsAdmissionToItsRemoval() {
    UserDirectory a = node();
    UserDirectory b = node();
    String connection = "c-" + UUID.randomUUID();

    assertThat(done(b.isConnected(connection))).isFalse();
    done(a.admit(user, connection, 5));
    assertThat(done(b.isConnected(connection))).isTrue();
    done(a.remove(user, connection));
    assertThat(done(b.isConnected(connection))).isFalse();
  }

  @Test
  void aRefusedConnectionIsNotKnown() {
    UserDirectory a = node();
    String refused = "c-" + UUID.randomUUID();
    done(a.admit(user, "c-" + UUID.randomUUID(), 1));

    done(node().admit(user, refused, 1));

    assertThat(done(a.isConnected(refused))).isFalse();
  }

  @Test
  void usersAreCountedApart() {
    String other = user + "-other";
    done(node().admit(user, "c1", 1));

    assertThat(done(node().admit(other, "c2", 1))).isTrue();
    assertThat(done(node().connections(user))).isEqualTo(1);
    assertThat(done(node().connections(other))).isEqualTo(1);
  }

  @Test
  void concurrentAdmissionsOnTwoNodesNeverOvershootTheLimit() {
    UserDirectory a = node();
    UserDirectory b = node();
    List<CompletableFuture<Boolean>> outcomes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      UserDirectory on = i % 2 == 0 ? a : b;
      String id = "c" + i;
      outcomes.add(
          CompletableFuture.supplyAsync(() -> on.admit(user, id, 10))
              .thenCompose(CompletionStage::toCompletableFuture));
    }

    long admitted = outcomes.stream().filter(UserDirectoryContract::done).count();

    assertThat(admitted).isEqualTo(10);
    assertThat(done(a.connections(user))).isEqualTo(10);
  }

  private static <T> T done(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("directory call failed or timed out", e);
    }
  }
}
