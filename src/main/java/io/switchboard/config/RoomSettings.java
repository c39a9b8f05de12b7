package io.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The validated bounds of the chat features: history, recovery, idempotent publishing, presence and
 * typing. Every piece of per-room state is bounded by one of them.
 *
 * @param history messages kept per room ({@code WS_ROOM_HISTORY}); 0 keeps none
 * @param historyMaxAge age beyond which kept messages are dropped; zero for no age limit
 * @param maxStreams rooms whose stream (sequence, epoch, history, dedup) is kept
 * @param maxStreamsPerUser streams one user may have created and still hold, so that no single user
 *     can push the other rooms' streams out
 * @param dedupWindow how long a publish's message_id is remembered; zero turns dedup off
 * @param dedupCapacity message_ids remembered per room
 * @param presenceGrace how long a user's departure is held back in case it reconnects; zero for
 *     none
 * @param typingTimeout how long a typing indicator lasts without a refresh
 * @param largeRoom users in a room above which per-member notices give way to occupancy updates
 */
public record RoomSettings(
    int history,
    Duration historyMaxAge,
    int maxStreams,
    int maxStreamsPerUser,
    Duration dedupWindow,
    int dedupCapacity,
    Duration presenceGrace,
    Duration typingTimeout,
    int largeRoom) {

  static RoomSettings read(Map<Setting, Integer> v, List<String> violations) {
    for (Setting s :
        List.of(
            Setting.WS_ROOM_HISTORY,
            Setting.WS_ROOM_HISTORY_MAX_AGE,
            Setting.WS_PUBLISH_DEDUP_WINDOW,
            Setting.WS_PUBLISH_DEDUP_SIZE,
            Setting.WS_PRESENCE_GRACE)) {
      if (v.get(s) < 0) {
        violations.add(s + " must be 0 or positive (was " + v.get(s) + ")");
      }
    }
    for (Setting s :
        List.of(
            Setting.WS_ROOM_STREAMS,
            Setting.WS_ROOM_STREAMS_PER_USER,
            Setting.WS_TYPING_TIMEOUT,
            Setting.WS_LARGE_ROOM)) {
      if (v.get(s) <= 0) {
        violations.add(s + " must be positive (was " + v.get(s) + ")");
      }
    }
    if (v.get(Setting.WS_ROOM_HISTORY) >= v.get(Setting.WS_MESSAGE_QUEUE_DEPTH)) {
      violations.add(
          "WS_ROOM_HISTORY ("
              + v.get(Setting.WS_ROOM_HISTORY)
              + ") must be less than WS_MESSAGE_QUEUE_DEPTH ("
              + v.get(Setting.WS_MESSAGE_QUEUE_DEPTH)
              + "), or a full replay would close the joiner as a slow consumer");
    }
    return new RoomSettings(
        v.get(Setting.WS_ROOM_HISTORY),
        Duration.ofSeconds(v.get(Setting.WS_ROOM_HISTORY_MAX_AGE)),
        v.get(Setting.WS_ROOM_STREAMS),
        v.get(Setting.WS_ROOM_STREAMS_PER_USER),
        Duration.ofSeconds(v.get(Setting.WS_PUBLISH_DEDUP_WINDOW)),
        v.get(Setting.WS_PUBLISH_DEDUP_SIZE),
        Duration.ofSeconds(v.get(Setting.WS_PRESENCE_GRACE)),
        Duration.ofSeconds(v.get(Setting.WS_TYPING_TIMEOUT)),
        v.get(Setting.WS_LARGE_ROOM));
  }
}
