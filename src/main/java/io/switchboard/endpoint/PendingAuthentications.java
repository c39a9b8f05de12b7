package io.switchboard.endpoint;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connections opened without a token under first-message authentication, each waiting for its
 * {@code auth} frame. They are not in the connection registry (no user, no presence, not counted in
 * the connection limits), so they are bounded here instead: at most {@code WS_MAX_CONNECTIONS} wait
 * at once. Each has one deadline task on the container's managed scheduler; whichever comes first,
 * the frame ({@link #release}) or the deadline, wins, exactly once.
 */
@ApplicationScoped
public class PendingAuthentications {

  @Resource ManagedScheduledExecutorService scheduler;

  private final ConcurrentHashMap<String, Waiting> waiting = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();

  /** One waiting connection's deadline task. */
  private static final class Waiting {
    volatile Future<?> deadline;
  }

  /**
   * Starts the wait of connection {@code id}: {@code onTimeout} runs after {@code timeout} unless
   * {@link #release} came first. False, and nothing scheduled, when {@code limit} connections are
   * already waiting.
   */
  public boolean hold(String id, Duration timeout, int limit, Runnable onTimeout) {
    if (count.incrementAndGet() > limit) {
      count.decrementAndGet();
      return false;
    }
    Waiting entry = new Waiting();
    waiting.put(id, entry);
    entry.deadline =
        scheduler.schedule(
            () -> {
              if (remove(id, entry)) {
                onTimeout.run();
              }
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    return true;
  }

  /** Ends the wait of {@code id}; true when it was waiting (its deadline has not fired). */
  public boolean release(String id) {
    Waiting entry = waiting.get(id);
    if (entry == null || !remove(id, entry)) {
      return false;
    }
    Future<?> deadline = entry.deadline;
    if (deadline != null) {
      deadline.cancel(false);
    }
    return true;
  }

  /** Connections waiting for their {@code auth} frame now. */
  public int count() {
    return count.get();
  }

  private boolean remove(String id, Waiting entry) {
    if (waiting.remove(id, entry)) {
      count.decrementAndGet();
      return true;
    }
    return false;
  }
}
