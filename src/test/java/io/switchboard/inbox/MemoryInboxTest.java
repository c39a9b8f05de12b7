package io.switchboard.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MemoryInboxTest extends InboxContract {

  @Override
  protected Inbox inbox(int perUser, Duration maxAge, int users) {
    return new MemoryInbox(new InboxLimits(perUser, maxAge, users));
  }

  @Test
  void beyondTheUserBoundTheInboxWrittenLeastRecentlyIsDropped() {
    MemoryInbox inbox = new MemoryInbox(new InboxLimits(10, Duration.ofHours(1), 2));
    inbox.put("ann", "orders", Json.createValue(1), T0, item -> {});
    inbox.put("bob", "orders", Json.createValue(2), T0.plusSeconds(1), item -> {});
    inbox.put("ann", "orders", Json.createValue(3), T0.plusSeconds(2), item -> {});

    inbox.put("cid", "orders", Json.createValue(4), T0.plusSeconds(3), item -> {});

    assertThat(inbox.users()).isEqualTo(2);
    assertThat(inbox.pending("bob", T0.plusSeconds(3))).isEmpty();
    assertThat(inbox.pending("ann", T0.plusSeconds(3))).hasSize(2);
  }
}
