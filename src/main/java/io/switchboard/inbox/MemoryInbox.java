package io.switchboard.inbox;

import io.switchboard.config.HubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The inboxes of this node, lost when it stops. Every change to a user's inbox, and the delivery or
 * registration that goes with it, runs inside {@code compute} on the user's entry, which is what
 * keeps a put from overlapping an attach. Ids come from one node-wide counter that starts at the
 * current time in microseconds, so they keep growing across restarts too.
 */
@ApplicationScoped
public class MemoryInbox implements Inbox {

  private static final Logger LOG = Logger.getLogger(MemoryInbox.class.getName());

  private final Supplier<InboxLimits> limits;
  private final ConcurrentHashMap<String, Held> users = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 1000);

  @Inject
  public MemoryInbox(HubConfig config) {
    this(() -> InboxLimits.of(config.settings()));
  }

  /** Inboxes within fixed limits. */
  public MemoryInbox(InboxLimits limits) {
    this(() -> limits);
  }

  private MemoryInbox(Supplier<InboxLimits> limits) {
    this.limits = limits;
  }

  /** For the container's client proxy only. */
  protected MemoryInbox() {
    this((Supplier<InboxLimits>) null);
  }

  @Override
  public InboxItem put(
      String userId, String senderId, JsonValue message, Instant now, Consumer<InboxItem> deliver) {
    InboxLimits bounds = limits.get();
    InboxItem[] stored = {null};
    users.compute(
        userId,
        (user, held) -> {
          Held inbox = held == null ? new Held() : held;
          Deque<InboxItem> items = inbox.items;
          expire(items, bounds, now);
          stored[0] = new InboxItem(ids.incrementAndGet(), senderId, message, now);
          items.addLast(stored[0]);
          inbox.newest = now;
          while (items.size() > bounds.perUser()) {
            InboxItem dropped = items.removeFirst();
            LOG.info(() -> "inbox full: user=" + user + " dropped item=" + dropped.id());
          }
          deliver.accept(stored[0]);
          return inbox;
        });
    evictBeyond(bounds.users(), userId);
    return stored[0];
  }

  @Override
  public List<InboxItem> pending(String userId, Instant now) {
    List<InboxItem> out = new ArrayList<>();
    attach(userId, now, () -> true, out::addAll);
    return List.copyOf(out);
  }

  @Override
  public void attach(
      String userId, Instant now, BooleanSupplier attach, Consumer<List<InboxItem>> deliver) {
    InboxLimits bounds = limits.get();
    users.compute(
        userId,
        (user, inbox) -> {
          if (!attach.getAsBoolean()) {
            return inbox;
          }
          if (inbox == null) {
            deliver.accept(List.of());
            return null;
          }
          expire(inbox.items, bounds, now);
          deliver.accept(List.copyOf(inbox.items));
          return inbox.items.isEmpty() ? null : inbox;
        });
  }

  @Override
  public List<Long> ack(String userId, Collection<Long> ids) {
    Set<Long> wanted = new HashSet<>(ids);
    List<Long> removed = new ArrayList<>();
    users.computeIfPresent(
        userId,
        (user, inbox) -> {
          inbox.items.removeIf(
              item -> {
                boolean hit = wanted.contains(item.id());
                if (hit) {
                  removed.add(item.id());
                }
                return hit;
              });
          return inbox.items.isEmpty() ? null : inbox;
        });
    return removed;
  }

  /** Users with kept items, for the memory accounting. */
  public int users() {
    return users.size();
  }

  private static void expire(Deque<InboxItem> items, InboxLimits bounds, Instant now) {
    Instant oldest = now.minus(bounds.maxAge());
    while (!items.isEmpty() && items.peekFirst().createdAt().isBefore(oldest)) {
      items.removeFirst();
    }
  }

  /**
   * Scans only when a new user pushed the count past the bound: the user whose newest item is the
   * oldest loses the inbox.
   */
  private void evictBeyond(int max, String keep) {
    while (users.size() > max) {
      users.entrySet().stream()
          .filter(e -> !e.getKey().equals(keep))
          .min(Comparator.comparing(e -> e.getValue().newest))
          .map(Map.Entry::getKey)
          .ifPresent(
              evicted -> {
                users.remove(evicted);
                LOG.info(() -> "inbox evicted: user=" + evicted + " (WS_INBOX_USERS reached)");
              });
    }
  }

  /** One user's items, changed only inside {@code compute} on the user's entry. */
  private static final class Held {
    final Deque<InboxItem> items = new ArrayDeque<>();

    /** When the last item was put: read by the eviction scan outside the entry's lock. */
    volatile Instant newest = Instant.MIN;
  }
}
