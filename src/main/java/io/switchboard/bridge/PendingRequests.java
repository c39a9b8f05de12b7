package io.switchboard.bridge;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app requests awaiting a backend's reply, bounded per node and per connection, so that a
 * backend that stops answering costs a bounded amount of memory and one client cannot take every
 * slot. A request is identified by its connection and the client's {@code message_id}; a second
 * request with the same id on the same connection while the first is pending is refused, so every
 * reply can be told apart by {@code ref_message_id}.
 */
public final class PendingRequests {

  /** Why a request was not started. */
  public enum Refusal {
    NODE_FULL,
    CONNECTION_FULL,
    DUPLICATE_ID
  }

  /** A started request; {@link #finish} it exactly once, whatever the outcome. */
  public record Ticket(String connectionId, String messageId) {}

  private final int maxPerNode;
  private final int maxPerConnection;
  private final AtomicInteger total = new AtomicInteger();
  private final ConcurrentHashMap<String, java.util.Set<String>> byConnection =
      new ConcurrentHashMap<>();

  public PendingRequests(int maxPerNode, int maxPerConnection) {
    this.maxPerNode = maxPerNode;
    this.maxPerConnection = maxPerConnection;
  }

  /** Starts a request, or says why it cannot be. */
  public Optional<Refusal> start(Ticket ticket) {
    Refusal[] refusal = new Refusal[1];
    byConnection.compute(
        ticket.connectionId(),
        (id, ids) -> {
          java.util.Set<String> current = ids == null ? ConcurrentHashMap.newKeySet() : ids;
          if (current.contains(ticket.messageId())) {
            refusal[0] = Refusal.DUPLICATE_ID;
          } else if (current.size() >= maxPerConnection) {
            refusal[0] = Refusal.CONNECTION_FULL;
          } else if (total.incrementAndGet() > maxPerNode) {
            total.decrementAndGet();
            refusal[0] = Refusal.NODE_FULL;
          } else {
            current.add(ticket.messageId());
          }
          return current.isEmpty() ? null : current;
        });
    return Optional.ofNullable(refusal[0]);
  }

  /** Ends a started request; true the first time, so that only one outcome is delivered. */
  public boolean finish(Ticket ticket) {
    boolean[] removed = new boolean[1];
    byConnection.computeIfPresent(
        ticket.connectionId(),
        (id, ids) -> {
          removed[0] = ids.remove(ticket.messageId());
          return ids.isEmpty() ? null : ids;
        });
    if (removed[0]) {
      total.decrementAndGet();
    }
    return removed[0];
  }

  /** Requests pending on this node. */
  public int size() {
    return total.get();
  }

  /** Requests pending for one connection. */
  public int of(String connectionId) {
    java.util.Set<String> ids = byConnection.get(connectionId);
    return ids == null ? 0 : ids.size();
  }
}
