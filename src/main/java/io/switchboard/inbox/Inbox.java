package io.switchboard.inbox;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The messages kept for users until a connection of theirs acknowledges them. Its contract, which
 * every implementation (in memory, or one shared by a cluster) must keep, and which {@code
 * InboxContract} checks:
 *
 * <ul>
 *   <li>An item stays until it is acknowledged, except that a user keeps at most {@code
 *       WS_INBOX_SIZE} items (the oldest go first) none older than {@code WS_INBOX_MAX_AGE}.
 *   <li>Items are returned oldest first; ids only grow for a user.
 *   <li>An acknowledged id never comes back; acknowledging an unknown id does nothing.
 *   <li>For one user, {@code put} never runs during an {@link #attach}: a connection that is being
 *       registered and replayed its inbox gets each item either in the replay or live after it,
 *       exactly once.
 * </ul>
 */
public interface Inbox {

  /** Keeps a message for the user and hands the stored item to {@code deliver}. */
  InboxItem put(
      String userId, String senderId, JsonValue message, Instant now, Consumer<InboxItem> deliver);

  /** The user's unacknowledged items, oldest first. */
  List<InboxItem> pending(String userId, Instant now);

  /**
   * Runs {@code attach} (which registers a connection of the user) so that no item is put
   * meanwhile; when it returns true, hands the user's unacknowledged items, oldest first (possibly
   * none), to {@code deliver} before any later put is delivered.
   */
  void attach(
      String userId, Instant now, BooleanSupplier attach, Consumer<List<InboxItem>> deliver);

  /** Removes the user's items with these ids; answers the ids that were removed. */
  List<Long> ack(String userId, Collection<Long> ids);
}
