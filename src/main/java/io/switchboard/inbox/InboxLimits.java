package io.switchboard.inbox;

import io.switchboard.config.Settings;
import java.time.Duration;

/**
 * The bounds of the inboxes held on one node.
 *
 * @param perUser items kept per user ({@code WS_INBOX_SIZE})
 * @param maxAge age beyond which an item is dropped ({@code WS_INBOX_MAX_AGE})
 * @param users users whose inbox is held ({@code WS_INBOX_USERS})
 */
public record InboxLimits(int perUser, Duration maxAge, int users) {

  public static InboxLimits of(Settings settings) {
    return new InboxLimits(
        settings.api().inboxSize(), settings.api().inboxMaxAge(), settings.api().inboxUsers());
  }
}
