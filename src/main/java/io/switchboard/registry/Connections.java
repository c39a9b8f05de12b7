package io.switchboard.registry;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every open connection on this node, by connection id and by user id, within the node's connection
 * limit ({@code WS_MAX_CONNECTIONS}). Admission is atomic: concurrent handshakes cannot overshoot
 * it. The per-user limit holds across nodes and is the {@link UserDirectory}'s.
 */
@ApplicationScoped
public class Connections {

  /** Whether a new connection may be registered. */
  public enum Admission {
    ADMITTED,
    SERVER_FULL
  }

  private final ConcurrentHashMap<String, Connection> byId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();

  /** Registers the connection unless the node is at its limit. */
  public Admission admit(Connection connection, int maxTotal) {
    if (count.incrementAndGet() > maxTotal) {
      count.decrementAndGet();
      return Admission.SERVER_FULL;
    }
    byUser.compute(
        connection.userId(),
        (user, set) -> {
          Set<Connection> members = set == null ? ConcurrentHashMap.newKeySet() : set;
          members.add(connection);
          return members;
        });
    byId.put(connection.id(), connection);
    return Admission.ADMITTED;
  }

  /** Removes the connection; true only for the call that actually removed it. */
  public boolean remove(Connection connection) {
    if (!byId.remove(connection.id(), connection)) {
      return false;
    }
    if (count.decrementAndGet() == 0) {
      synchronized (this) {
        notifyAll();
      }
    }
    byUser.computeIfPresent(
        connection.userId(),
        (user, set) -> {
          set.remove(connection);
          return set.isEmpty() ? null : set;
        });
    return true;
  }

  /** Waits, at most {@code timeout}, until no connection is left; true when none is. */
  public synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count.get() > 0 && System.nanoTime() < deadline) {
      TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
    }
    return count.get() == 0;
  }

  public Optional<Connection> byId(String connectionId) {
    return Optional.ofNullable(byId.get(connectionId));
  }

  /** The user's open connections on this node; empty when the user is not connected here. */
  public Collection<Connection> ofUser(String userId) {
    Set<Connection> set = byUser.get(userId);
    return set == null ? List.of() : set;
  }

  public Collection<Connection> all() {
    return byId.values();
  }

  public int count() {
    return byId.size();
  }

  /** The ids of the users connected to this node now. */
  public List<String> userIds() {
    return List.copyOf(byUser.keySet());
  }

  public int userCount() {
    return byUser.size();
  }
}
