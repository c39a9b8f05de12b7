package io.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BridgeSettingsTest {

  private static Settings read(Map<Setting, Integer> numbers, Map<TextSetting, String> text) {
    return Settings.read(numbers::get, text::get);
  }

  @Test
  void theBridgeIsOffByDefaultWithTheDocumentedNames() {
    BridgeSettings bridge = Settings.defaults().bridge();

    assertThat(bridge.enabled()).isFalse();
    assertThat(bridge.subjectPrefix()).isEqualTo("switchboard");
    assertThat(bridge.appPrefix()).isEqualTo("app.");
    assertThat(bridge.stream()).isEqualTo("SWITCHBOARD");
    assertThat(bridge.consumer()).isEqualTo("switchboard");
    assertThat(bridge.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(bridge.ackWait()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aNatsUrlTurnsTheBridgeOn() {
    BridgeSettings bridge =
        read(Map.of(), Map.of(TextSetting.WS_NATS_URL, " nats://127.0.0.1:4222 ")).bridge();

    assertThat(bridge.enabled()).isTrue();
    assertThat(bridge.natsUrl()).isEqualTo("nats://127.0.0.1:4222");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sw.*", "sw..x", ".sw", "sw board", "sw.>"})
  void aPrefixThatIsNotSubjectTokensIsRefusedByName(String prefix) {
    assertThatThrownBy(() -> read(Map.of(), Map.of(TextSetting.WS_NATS_SUBJECT_PREFIX, prefix)))
        .hasMessageContaining("WS_NATS_SUBJECT_PREFIX");
  }

  @ParameterizedTest
  @ValueSource(strings = {"app", "App.", "room.", "r", "auth.x.", "app.*."})
  void anAppPrefixThatIsNoDottedNamespaceOfItsOwnIsRefused(String prefix) {
    assertThatThrownBy(() -> read(Map.of(), Map.of(TextSetting.WS_APP_MESSAGE_PREFIX, prefix)))
        .hasMessageContaining("WS_APP_MESSAGE_PREFIX");
  }

  @Test
  void aDedupWindowNotLongerThanTheAckWaitIsRefusedWhenTheBridgeIsOn() {
    Map<Setting, Integer> numbers =
        Map.of(Setting.WS_PUBLISH_DEDUP_WINDOW, 30, Setting.WS_NATS_ACK_WAIT, 30);

    assertThat(read(numbers, Map.of()).bridge().enabled()).isFalse();
    assertThatThrownBy(() -> read(numbers, Map.of(TextSetting.WS_NATS_URL, "nats://n:4222")))
        .hasMessageContaining(
            "WS_PUBLISH_DEDUP_WINDOW (30) must be greater than WS_NATS_ACK_WAIT (30)");
  }

  @Test
  void nonPositiveBridgeBoundsAndBadStreamNamesAreRefusedByName() {
    assertThatThrownBy(() -> read(Map.of(Setting.WS_APP_MAX_PENDING, 0), Map.of()))
        .hasMessageContaining("WS_APP_MAX_PENDING must be positive");
    assertThatThrownBy(() -> read(Map.of(), Map.of(TextSetting.WS_NATS_STREAM, "a.b")))
        .hasMessageContaining("WS_NATS_STREAM");
  }
}
