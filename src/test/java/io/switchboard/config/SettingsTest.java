package io.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static Settings with(Map<Setting, Integer> values) {
    return Settings.read(values::get);
  }

  @Test
  void defaultsMatchTheQuickstart() {
    Settings defaults = Settings.defaults();

    assertThat(defaults.maxMessageSize()).isEqualTo(1_048_576);
    assertThat(defaults.queueDepth()).isEqualTo(100);
    assertThat(defaults.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void aHeartbeatTimeoutNotAboveTheIntervalIsRefusedByName() {
    assertThatThrownBy(
            () -> with(Map.of(Setting.WS_HEARTBEAT_INTERVAL, 30, Setting.WS_HEARTBEAT_TIMEOUT, 30)))
        .hasMessageContaining(
            "WS_HEARTBEAT_TIMEOUT (30) must be greater than WS_HEARTBEAT_INTERVAL (30)");
  }

  @Test
  void nonPositiveSizesAreRefusedByName() {
    assertThatThrownBy(
            () -> with(Map.of(Setting.WS_MAX_MESSAGE_SIZE, 0, Setting.WS_MESSAGE_QUEUE_DEPTH, -1)))
        .hasMessageContaining("WS_MAX_MESSAGE_SIZE must be positive (was 0)")
        .hasMessageContaining("WS_MESSAGE_QUEUE_DEPTH must be positive (was -1)");
  }

  @Test
  void anIdleTimeoutShorterThanThePingIntervalIsRefused() {
    assertThatThrownBy(
            () -> with(Map.of(Setting.WS_HEARTBEAT_INTERVAL, 30, Setting.WS_IDLE_TIMEOUT, 20)))
        .hasMessageContaining(
            "WS_IDLE_TIMEOUT (20) must be greater than WS_HEARTBEAT_INTERVAL (30)");
  }

  @Test
  void aZeroIntervalTurnsPingsOff() {
    Settings settings = with(Map.of(Setting.WS_HEARTBEAT_INTERVAL, 0));

    assertThat(settings.heartbeatEnabled()).isFalse();
  }

  private static Settings withText(Map<TextSetting, String> text) {
    return Settings.read(s -> null, text::get);
  }

  @Test
  void authenticationDefaultsAreRequiredRs256AndSameOrigin() {
    AuthSettings auth = Settings.defaults().auth();

    assertThat(auth.mode()).isEqualTo(AuthMode.REQUIRED);
    assertThat(auth.allowedOrigins()).isEmpty();
    assertThat(auth.allowMissingOrigin()).isTrue();
    assertThat(auth.guestRooms()).isEqualTo("*");
    assertThat(auth.devTokens()).isFalse();
    assertThat(auth.maxTokenSize()).isEqualTo(8192);
    assertThat(auth.expiryWarning()).isEqualTo(Duration.ofSeconds(60));
    assertThat(auth.jwt().algorithm()).isEqualTo("RS256");
    assertThat(auth.jwt().clockSkew()).isEqualTo(Duration.ofSeconds(60));
    assertThat(auth.jwt().hasKey()).isFalse();
  }

  @Test
  void originsAreNormalizedAsBrowsersSendThem() {
    AuthSettings auth =
        withText(
                Map.of(
                    TextSetting.WS_ALLOWED_ORIGINS,
                    "HTTPS://App.Example.com:443, http://localhost:8080"))
            .auth();

    assertThat(auth.allowedOrigins())
        .containsExactly("https://app.example.com", "http://localhost:8080");
  }

  @Test
  void badAuthenticationSettingsAreRefusedByName() {
    assertThatThrownBy(
            () ->
                withText(
                    Map.of(
                        TextSetting.WS_AUTH_MODE, "sometimes",
                        TextSetting.WS_ALLOWED_ORIGINS, "https://*.example.com",
                        TextSetting.WS_ALLOW_MISSING_ORIGIN, "yes",
                        TextSetting.MP_JWT_VERIFY_PUBLICKEY_ALGORITHM, "HS256",
                        TextSetting.MP_JWT_VERIFY_PUBLICKEY, "x",
                        TextSetting.MP_JWT_VERIFY_PUBLICKEY_LOCATION, "y")))
        .hasMessageContaining("WS_AUTH_MODE must be required, optional or disabled")
        .hasMessageContaining("WS_ALLOWED_ORIGINS entries must be exact origins")
        .hasMessageContaining("WS_ALLOW_MISSING_ORIGIN must be true or false")
        .hasMessageContaining("mp.jwt.verify.publickey.algorithm must be one of [RS256, ES256]")
        .hasMessageContaining("not both");
  }

  @Test
  void anOriginWithAPathIsRefused() {
    assertThatThrownBy(
            () -> withText(Map.of(TextSetting.WS_ALLOWED_ORIGINS, "https://app.example.com/")))
        .hasMessageContaining("WS_ALLOWED_ORIGINS");
  }

  @Test
  void theClockSkewKeepsItsMicroProfileName() {
    assertThatThrownBy(() -> with(Map.of(Setting.MP_JWT_VERIFY_CLOCK_SKEW, -1)))
        .hasMessageContaining("mp.jwt.verify.clock.skew must be 0 or positive (was -1)");
  }

  @Test
  void aSharedSecretShorterThanItsHashIsRefusedAtStartup() {
    assertThatThrownBy(() -> withText(Map.of(TextSetting.WS_JWT_SECRET, "x".repeat(31))))
        .hasMessageContaining("WS_JWT_SECRET must have at least 32 bytes for HS256 (it has 31)");
    assertThatThrownBy(
            () ->
                withText(
                    Map.of(
                        TextSetting.WS_JWT_SECRET,
                        "x".repeat(63),
                        TextSetting.WS_JWT_SECRET_ALGORITHM,
                        "HS512")))
        .hasMessageContaining("at least 64 bytes for HS512");
    assertThat(withText(Map.of(TextSetting.WS_JWT_SECRET, "x".repeat(32))).auth().jwt().hasSecret())
        .isTrue();
  }

  @Test
  void theSecretAlgorithmMustBeAnHmacAlgorithm() {
    assertThatThrownBy(
            () ->
                withText(
                    Map.of(
                        TextSetting.WS_JWT_SECRET,
                        "x".repeat(64),
                        TextSetting.WS_JWT_SECRET_ALGORITHM,
                        "RS256")))
        .hasMessageContaining("WS_JWT_SECRET_ALGORITHM must be HS256, HS384 or HS512");
  }

  @Test
  void theSecretNeverAppearsInTheSettingsText() {
    String secret = "s3cr3t-".repeat(6);

    assertThat(withText(Map.of(TextSetting.WS_JWT_SECRET, secret)).toString())
        .doesNotContain(secret)
        .contains("secret=set(HS256)");
    assertThat(TextSetting.WS_JWT_SECRET.confidential()).isTrue();
  }

  @Test
  void aTokenCookieIsRefusedWithoutAnOriginAllowList() {
    assertThatThrownBy(() -> withText(Map.of(TextSetting.WS_AUTH_COOKIE, "session_id")))
        .hasMessageContaining("WS_AUTH_COOKIE needs WS_ALLOWED_ORIGINS");
    AuthSettings auth =
        withText(
                Map.of(
                    TextSetting.WS_AUTH_COOKIE, "session_id",
                    TextSetting.WS_ALLOWED_ORIGINS, "https://app.example.com"))
            .auth();
    assertThat(auth.authCookie()).isEqualTo("session_id");
  }

  @Test
  void tokenQueryParametersAreAListOfNames() {
    assertThat(Settings.defaults().auth().tokenQueryParams()).containsExactly("access_token");
    assertThat(
            withText(Map.of(TextSetting.WS_TOKEN_QUERY_PARAMS, "access_token, token"))
                .auth()
                .tokenQueryParams())
        .containsExactly("access_token", "token");
    assertThatThrownBy(() -> withText(Map.of(TextSetting.WS_TOKEN_QUERY_PARAMS, "tok en")))
        .hasMessageContaining("WS_TOKEN_QUERY_PARAMS entries must be plain parameter names");
  }

  @Test
  void firstMessageAuthenticationNeedsTheRequiredMode() {
    assertThatThrownBy(
            () ->
                withText(
                    Map.of(
                        TextSetting.WS_FIRST_MESSAGE_AUTH, "true",
                        TextSetting.WS_AUTH_MODE, "optional")))
        .hasMessageContaining("WS_FIRST_MESSAGE_AUTH=true needs WS_AUTH_MODE=required");
    AuthSettings auth = withText(Map.of(TextSetting.WS_FIRST_MESSAGE_AUTH, "true")).auth();
    assertThat(auth.firstMessageAuth()).isTrue();
    assertThat(auth.authTimeout()).isEqualTo(Duration.ofSeconds(10));
  }
}
