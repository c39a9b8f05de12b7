package io.switchboard.node;

import io.switchboard.config.HubConfig;
import io.switchboard.protocol.CloseCodes;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * Graceful shutdown: new connections are refused, and each connected client gets {@code
 * server.draining} with its own random {@code retry_after_ms} before a 1001 close, so that
 * thousands of clients do not reconnect in the same instant.
 *
 * <p>It runs on the thread that stops the web module and does its closing on that thread: by then
 * the container no longer runs managed tasks or write-completion callbacks.
 */
@ApplicationScoped
public class Drain {

  private static final Logger LOG = Logger.getLogger(Drain.class.getName());
  private static final Duration HANDOVER = Duration.ofMillis(500);
  private static final Duration GRACE = Duration.ofSeconds(3);

  @Inject Connections connections;
  @Inject HubConfig config;

  private final AtomicBoolean draining = new AtomicBoolean();

  public boolean isDraining() {
    return draining.get();
  }

  /**
   * Stops accepting connections, tells every client to reconnect later, closes them with 1001 and
   * waits (bounded) for the closes to complete. Idempotent.
   */
  public void drainAndWait() {
    if (!draining.compareAndSet(false, true)) {
      return;
    }
    List<Connection> open = List.copyOf(connections.all());
    long spreadMillis = config.settings().drainSpread().toMillis();
    for (Connection connection : open) {
      long retryAfter = 1000 + ThreadLocalRandom.current().nextLong(spreadMillis + 1);
      connection.send(
          Frame.fromServer(
              MessageType.SERVER_DRAINING,
              Json.PROVIDER
                  .createObjectBuilder()
                  .add("retry_after_ms", retryAfter)
                  .add("reason", "server shutting down")
                  .build()));
    }
    awaitHandedOver(open);
    open.forEach(c -> c.closeHere(CloseCodes.GOING_AWAY, "server shutting down"));
    LOG.info(() -> "drained " + open.size() + " connections");
    try {
      connections.awaitEmpty(GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until every notice has left the hub's queues for the container, at most HANDOVER. */
  private static void awaitHandedOver(List<Connection> open) {
    long deadline = System.nanoTime() + HANDOVER.toNanos();
    while (open.stream().anyMatch(c -> c.queued() > 0) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }
}
