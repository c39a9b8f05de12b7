package io.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiSettingsTest {

  private static final String SECRET = "a-long-enough-secret-1";
  private static final String HASH_OF_SECRET =
      "sha256:" + java.util.HexFormat.of().formatHex(ApiKey.sha256(SECRET));

  private static Settings with(String keys) {
    return Settings.read(s -> null, t -> t == TextSetting.WS_API_KEYS ? keys : null);
  }

  @Test
  void noKeysByDefaultAndThePublisherGroupIsPublisher() {
    ApiSettings api = Settings.defaults().api();

    assertThat(api.keys()).isEmpty();
    assertThat(api.publisherGroup()).isEqualTo("publisher");
  }

  @Test
  void aPlainKeyAndAHashedKeyBothMatchTheirSecretOnly() {
    ApiSettings api = with("orders:" + SECRET + ", billing:" + HASH_OF_SECRET).api();

    assertThat(api.keys()).extracting(ApiKey::name).containsExactly("orders", "billing");
    assertThat(api.keys()).allMatch(key -> key.matches(SECRET));
    assertThat(api.keys()).noneMatch(key -> key.matches(SECRET + "x"));
  }

  @Test
  void aSecretMayContainColons() {
    ApiKey key = with("orders:" + SECRET + ":more").api().keys().get(0);

    assertThat(key.matches(SECRET + ":more")).isTrue();
  }

  @Test
  void malformedShortDuplicatedAndBadlyHashedKeysFailTheDeploymentWithoutShowingTheSecret() {
    for (Map.Entry<String, String> bad :
        Map.of(
                "orders",
                "name:secret",
                "orders:short",
                "at least 16",
                "orders:" + SECRET + ",orders:" + SECRET,
                "twice",
                "orders:sha256:abc",
                "64 hex digits",
                "bad name:" + SECRET,
                "name:secret")
            .entrySet()) {
      assertThatThrownBy(() -> with(bad.getKey()))
          .hasMessageContaining(bad.getValue())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }
  }

  @Test
  void theKeysAreShownByNameOnly() {
    assertThat(ApiSettings.redacted("orders:" + SECRET + ",billing:" + HASH_OF_SECRET))
        .isEqualTo("orders:***,billing:***");
    assertThat(with("orders:" + SECRET).toString()).doesNotContain(SECRET);
  }
}
