package io.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginPolicyTest {

  private final OriginPolicy listed =
      new OriginPolicy(List.of("https://app.example.com", "http://localhost:3000"), true);
  private final OriginPolicy sameOrigin = new OriginPolicy(List.of(), false);

  @ParameterizedTest
  @CsvSource({
    "https://app.example.com, true",
    "http://localhost:3000, true",
    "https://evil.example, false",
    "null, false",
    "https://app.example.com.evil.example, false",
    "https://evil.example/app.example.com, false",
    "http://app.example.com, false",
    "https://app.example.com:8443, false",
    "https://APP.EXAMPLE.COM, false",
    "http://localhost:30000, false",
    "'', false"
  })
  void anAllowListIsMatchedExactly(String origin, boolean admitted) {
    assertThat(listed.admits(origin)).isEqualTo(admitted);
    assertThat(listed.admits(origin, "app.example.com")).isEqualTo(admitted);
  }

  @ParameterizedTest
  @CsvSource({
    "http://localhost:8080, localhost:8080, true",
    "https://hub.example.com, hub.example.com, true",
    "https://hub.example.com, hub.example.com:443, true",
    "https://hub.example.com, HUB.example.com, true",
    "https://evil.example, hub.example.com, false",
    "http://localhost:8081, localhost:8080, false",
    "null, hub.example.com, false",
    "https://hub.example.com:443, hub.example.com, false"
  })
  void withoutAListOnlyTheSameOriginIsAdmitted(String origin, String host, boolean admitted) {
    assertThat(sameOrigin.admits(origin, host)).isEqualTo(admitted);
  }

  @ParameterizedTest
  @CsvSource({"true, true", "false, false"})
  void aMissingOriginIsAdmittedAsConfigured(boolean allowMissing, boolean admitted) {
    OriginPolicy policy = new OriginPolicy(List.of("https://a.example"), allowMissing);
    assertThat(policy.admits(null)).isEqualTo(admitted);
    assertThat(policy.admits(null, "a.example")).isEqualTo(admitted);
  }
}
