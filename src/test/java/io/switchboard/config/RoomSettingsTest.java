package io.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoomSettingsTest {

  @Test
  void defaultsKeepFiftyMessagesAndExpireTypingAfterThreeSeconds() {
    RoomSettings rooms = Settings.defaults().rooms();

    assertThat(rooms.history()).isEqualTo(50);
    assertThat(rooms.historyMaxAge()).isZero();
    assertThat(rooms.typingTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(rooms.presenceGrace()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aHistoryThatWouldNotFitTheJoinersQueueIsRefused() {
    assertThatThrownBy(
            () ->
                Settings.read(
                    Map.of(Setting.WS_ROOM_HISTORY, 100, Setting.WS_MESSAGE_QUEUE_DEPTH, 100)::get))
        .hasMessageContaining(
            "WS_ROOM_HISTORY (100) must be less than WS_MESSAGE_QUEUE_DEPTH (100)");
  }

  @Test
  void negativeBoundsAndAZeroTypingTimeoutAreRefusedByName() {
    assertThatThrownBy(
            () ->
                Settings.read(
                    Map.of(
                            Setting.WS_PRESENCE_GRACE, -1,
                            Setting.WS_PUBLISH_DEDUP_WINDOW, -1,
                            Setting.WS_TYPING_TIMEOUT, 0)
                        ::get))
        .hasMessageContaining("WS_PRESENCE_GRACE must be 0 or positive (was -1)")
        .hasMessageContaining("WS_PUBLISH_DEDUP_WINDOW must be 0 or positive (was -1)")
        .hasMessageContaining("WS_TYPING_TIMEOUT must be positive (was 0)");
  }

  @Test
  void zeroTurnsHistoryDedupAndGraceOff() {
    RoomSettings rooms =
        Settings.read(
                Map.of(
                        Setting.WS_ROOM_HISTORY, 0,
                        Setting.WS_PUBLISH_DEDUP_WINDOW, 0,
                        Setting.WS_PRESENCE_GRACE, 0)
                    ::get)
            .rooms();

    assertThat(rooms.history()).isZero();
    assertThat(rooms.dedupWindow()).isZero();
    assertThat(rooms.presenceGrace()).isZero();
  }
}
