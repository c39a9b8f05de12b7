package io.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

  private static Settings with(Map<TextSetting, String> texts) {
    return Settings.read(s -> null, texts::get);
  }

  @Test
  void aNodeIsLocalByDefaultAndNeedsNoRedis() {
    ClusterSettings cluster = Settings.defaults().cluster();

    assertThat(cluster.mode()).isEqualTo(ClusterMode.LOCAL);
    assertThat(cluster.redisUrl()).isEmpty();
  }

  @Test
  void redisModeWithoutAUrlIsRefusedByName() {
    assertThatThrownBy(() -> with(Map.of(TextSetting.WS_CLUSTER, "redis")))
        .hasMessageContaining("WS_REDIS_URL is required when WS_CLUSTER=redis");
  }

  @Test
  void anUnknownModeIsRefusedByName() {
    assertThatThrownBy(() -> with(Map.of(TextSetting.WS_CLUSTER, "nats")))
        .hasMessageContaining("WS_CLUSTER must be local or redis (was 'nats')");
  }

  @Test
  void redisAndRedissUrlsWithPasswordAndDatabaseAreAccepted() {
    assertThat(
            with(Map.of(
                    TextSetting.WS_CLUSTER, "REDIS",
                    TextSetting.WS_REDIS_URL, "rediss://app:s3cret@redis.internal:6380/2"))
                .cluster())
        .extracting(ClusterSettings::mode, ClusterSettings::redisUrl)
        .containsExactly(ClusterMode.REDIS, "rediss://app:s3cret@redis.internal:6380/2");
    assertThat(with(Map.of(TextSetting.WS_REDIS_URL, "redis://localhost")).cluster().redisUrl())
        .isEqualTo("redis://localhost");
  }

  @Test
  void aUrlOfAnotherSchemeOrWithABadDatabaseIsRefusedWithoutShowingThePassword() {
    assertThatThrownBy(() -> with(Map.of(TextSetting.WS_REDIS_URL, "http://u:hunter2@host")))
        .hasMessageContaining("WS_REDIS_URL must start with redis:// or rediss://")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> with(Map.of(TextSetting.WS_REDIS_URL, "redis://host/cache")))
        .hasMessageContaining("path must be a database number");
  }

  @Test
  void theLoggedSettingsNeverShowTheRedisPassword() {
    Settings settings =
        with(
            Map.of(
                TextSetting.WS_CLUSTER, "redis",
                TextSetting.WS_REDIS_URL, "redis://:hunter2@redis:6379/0"));

    assertThat(settings.toString()).doesNotContain("hunter2").contains("redis://:***@redis:6379/0");
  }

  @Test
  void redisTimeoutAndQueueMustBePositive() {
    Map<Setting, Integer> values = Map.of(Setting.WS_REDIS_TIMEOUT, 0, Setting.WS_REDIS_QUEUE, -1);

    assertThatThrownBy(() -> Settings.read(values::get))
        .hasMessageContaining("WS_REDIS_TIMEOUT must be positive (was 0)")
        .hasMessageContaining("WS_REDIS_QUEUE must be positive (was -1)");
  }
}
