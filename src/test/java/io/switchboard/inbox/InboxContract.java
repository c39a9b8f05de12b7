package io.switchboard.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link Inbox} contract, for every implementation: a subclass says how to make an inbox with
 * the given limits (a fresh, empty one for each test).
 */
public abstract class InboxContract {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** An empty inbox keeping {@code perUser} items per user for at most {@code maxAge}. */
  protected abstract Inbox inbox(int perUser, Duration maxAge, int users);

  private Inbox inbox() {
    return inbox(10, Duration.ofHours(1), 100);
  }

  private static JsonValue message(String text) {
    return Json.createValue(text);
  }

  private static List<JsonValue> messages(List<InboxItem> items) {
    return items.stream().map(InboxItem::message).toList();
  }

  @Test
  void keptItemsArePendingOldestFirstWithGrowingIds() {
    Inbox inbox = inbox();
    InboxItem first = inbox.put("ann", "orders", message("a"), T0, item -> {});
    InboxItem second = inbox.put("ann", "orders", message("b"), T0.plusSeconds(1), item -> {});

    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(inbox.pending("ann", T0.plusSeconds(2))).containsExactly(first, second);
    assertThat(first.senderId()).isEqualTo("orders");
  }

  @Test
  void putHandsTheStoredItemToDeliver() {
    Inbox inbox = inbox();
    List<InboxItem> delivered = new ArrayList<>();

    InboxItem item = inbox.put("ann", "orders", message("a"), T0, delivered::add);

    assertThat(delivered).containsExactly(item);
  }

  @Test
  void itemsStayUntilAcknowledgedAndAcknowledgedOnesNeverComeBack() {
    Inbox inbox = inbox();
    InboxItem first = inbox.put("ann", "orders", message("a"), T0, item -> {});
    InboxItem second = inbox.put("ann", "orders", message("b"), T0, item -> {});

    assertThat(inbox.pending("ann", T0)).hasSize(2);
    assertThat(inbox.ack("ann", List.of(first.id()))).containsExactly(first.id());
    assertThat(inbox.pending("ann", T0)).containsExactly(second);
    assertThat(inbox.ack("ann", List.of(first.id()))).isEmpty();
    assertThat(inbox.pending("ann", T0)).containsExactly(second);
  }

  @Test
  void acknowledgingAnotherUsersIdRemovesNothing() {
    Inbox inbox = inbox();
    InboxItem ann = inbox.put("ann", "orders", message("a"), T0, item -> {});

    assertThat(inbox.ack("bob", List.of(ann.id()))).isEmpty();
    assertThat(inbox.pending("ann", T0)).containsExactly(ann);
  }

  @Test
  void usersInboxesAreSeparate() {
    Inbox inbox = inbox();
    inbox.put("ann", "orders", message("for ann"), T0, item -> {});
    inbox.put("bob", "orders", message("for bob"), T0, item -> {});

    assertThat(messages(inbox.pending("ann", T0))).containsExactly(message("for ann"));
    assertThat(messages(inbox.pending("bob", T0))).containsExactly(message("for bob"));
    assertThat(inbox.pending("cid", T0)).isEmpty();
  }

  @Test
  void beyondTheCountTheOldestItemsGo() {
    Inbox inbox = inbox(2, Duration.ofHours(1), 100);
    inbox.put("ann", "orders", message("a"), T0, item -> {});
    inbox.put("ann", "orders", message("b"), T0, item -> {});
    inbox.put("ann", "orders", message("c"), T0, item -> {});

    assertThat(messages(inbox.pending("ann", T0))).containsExactly(message("b"), message("c"));
  }

  @Test
  void itemsOlderThanTheMaximumAgeGo() {
    Inbox inbox = inbox(10, Duration.ofMinutes(10), 100);
    inbox.put("ann", "orders", message("old"), T0, item -> {});
    inbox.put("ann", "orders", message("new"), T0.plus(Duration.ofMinutes(8)), item -> {});

    assertThat(messages(inbox.pending("ann", T0.plus(Duration.ofMinutes(11)))))
        .containsExactly(message("new"));
  }

  @Test
  void attachDeliversThePendingItemsOnlyWhenAttachSucceeds() {
    Inbox inbox = inbox();
    InboxItem item = inbox.put("ann", "orders", message("a"), T0, i -> {});
    List<List<InboxItem>> delivered = new ArrayList<>();

    inbox.attach("ann", T0, () -> false, delivered::add);
    assertThat(delivered).isEmpty();

    inbox.attach("ann", T0, () -> true, delivered::add);
    assertThat(delivered).containsExactly(List.of(item));
    assertThat(inbox.pending("ann", T0)).as("a replay does not acknowledge").containsExactly(item);
  }

  @Test
  void attachForAUserWithoutAnInboxRunsAttachAndDeliversNothing() {
    Inbox inbox = inbox();
    boolean[] attached = {false};
    List<List<InboxItem>> delivered = new ArrayList<>();

    inbox.attach(
        "ann",
        T0,
        () -> {
          attached[0] = true;
          return true;
        },
        delivered::add);

    assertThat(attached[0]).isTrue();
    assertThat(delivered.stream().flatMap(List::stream)).isEmpty();
  }

  @Test
  void aPutRacingAnAttachIsEitherInTheReplayOrDeliveredAfterItNeverBoth() throws Exception {
    for (int round = 0; round < 200; round++) {
      Inbox inbox = inbox();
      List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
      boolean[] attached = {false};
      Thread putter =
          new Thread(
              () ->
                  inbox.put(
                      "ann",
                      "orders",
                      message("x"),
                      T0,
                      item -> {
                        if (attached[0]) {
                          seen.add(item.id());
                        }
                      }));
      putter.start();
      inbox.attach(
          "ann",
          T0,
          () -> {
            attached[0] = true;
            return true;
          },
          items -> items.forEach(item -> seen.add(item.id())));
      putter.join(5000);

      assertThat(seen).as("round " + round).hasSize(1);
    }
  }
}
