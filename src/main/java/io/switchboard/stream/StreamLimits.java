package io.switchboard.stream;

import io.switchboard.config.RoomSettings;

/** The bounds of one room's stream state, from {@link RoomSettings}. */
record StreamLimits(int history, long maxAgeNanos, int dedupCapacity, long dedupWindowNanos) {

  static StreamLimits of(RoomSettings settings) {
    return new StreamLimits(
        settings.history(),
        settings.historyMaxAge().toNanos(),
        settings.dedupCapacity(),
        settings.dedupWindow().toNanos());
  }
}
