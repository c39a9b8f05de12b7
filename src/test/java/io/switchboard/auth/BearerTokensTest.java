package io.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BearerTokensTest {

  private static final Map<String, List<String>> NONE = Map.of();

  @Test
  void theAuthorizationHeaderCarriesABearerToken() throws Exception {
    assertThat(BearerTokens.find(Map.of("authorization", List.of("Bearer a.b.c")), NONE))
        .hasValue("a.b.c");
    assertThat(BearerTokens.find(Map.of("Authorization", List.of("bearer  a.b.c ")), NONE))
        .hasValue("a.b.c");
  }

  @Test
  void anotherAuthorizationSchemeIsNotAToken() throws Exception {
    assertThat(BearerTokens.find(Map.of("Authorization", List.of("Basic dXNlcjpwdw==")), NONE))
        .isEmpty();
  }

  @Test
  void theQueryParameterCarriesAToken() throws Exception {
    assertThat(BearerTokens.find(NONE, Map.of("access_token", List.of("a.b.c")))).hasValue("a.b.c");
  }

  @Test
  void aSubprotocolEntryCarriesAToken() throws Exception {
    assertThat(
            BearerTokens.find(
                Map.of("Sec-WebSocket-Protocol", List.of("switchboard.v1, bearer.a.b.c")), NONE))
        .hasValue("a.b.c");
  }

  @Test
  void noTokenIsEmpty() throws Exception {
    assertThat(BearerTokens.find(Map.of("Sec-WebSocket-Protocol", List.of("switchboard.v1")), NONE))
        .isEmpty();
  }

  @Test
  void twoTokensAreRefusedEvenWhenEqual() {
    assertThatThrownBy(
            () ->
                BearerTokens.find(
                    Map.of("Authorization", List.of("Bearer a.b.c")),
                    Map.of("access_token", List.of("a.b.c"))))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.AMBIGUOUS_TOKEN));
  }

  @Test
  void anEmptyTokenIsMalformed() {
    assertThatThrownBy(() -> BearerTokens.find(Map.of("Authorization", List.of("Bearer ")), NONE))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.MALFORMED_TOKEN));
  }
}
