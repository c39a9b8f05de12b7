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
    assertThat(BearerTokens.DEFAULT.find(Map.of("authorization", List.of("Bearer a.b.c")), NONE))
        .hasValue("a.b.c");
    assertThat(BearerTokens.DEFAULT.find(Map.of("Authorization", List.of("bearer  a.b.c ")), NONE))
        .hasValue("a.b.c");
  }

  @Test
  void anotherAuthorizationSchemeIsNotAToken() throws Exception {
    assertThat(
            BearerTokens.DEFAULT.find(Map.of("Authorization", List.of("Basic dXNlcjpwdw==")), NONE))
        .isEmpty();
  }

  @Test
  void theQueryParameterCarriesAToken() throws Exception {
    assertThat(BearerTokens.DEFAULT.find(NONE, Map.of("access_token", List.of("a.b.c"))))
        .hasValue("a.b.c");
  }

  @Test
  void aSubprotocolEntryCarriesAToken() throws Exception {
    assertThat(
            BearerTokens.DEFAULT.find(
                Map.of("Sec-WebSocket-Protocol", List.of("switchboard.v1, bearer.a.b.c")), NONE))
        .hasValue("a.b.c");
  }

  @Test
  void noTokenIsEmpty() throws Exception {
    assertThat(
            BearerTokens.DEFAULT.find(
                Map.of("Sec-WebSocket-Protocol", List.of("switchboard.v1")), NONE))
        .isEmpty();
  }

  @Test
  void twoTokensAreRefusedEvenWhenEqual() {
    assertThatThrownBy(
            () ->
                BearerTokens.DEFAULT.find(
                    Map.of("Authorization", List.of("Bearer a.b.c")),
                    Map.of("access_token", List.of("a.b.c"))))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.AMBIGUOUS_TOKEN));
  }

  @Test
  void anEmptyTokenIsMalformed() {
    assertThatThrownBy(
            () -> BearerTokens.DEFAULT.find(Map.of("Authorization", List.of("Bearer ")), NONE))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.MALFORMED_TOKEN));
  }

  private static final BearerTokens CONFIGURED =
      new BearerTokens(List.of("access_token", "token"), "session_id");

  @Test
  void everyConfiguredQueryParameterCarriesAToken() throws Exception {
    assertThat(CONFIGURED.find(NONE, Map.of("token", List.of("a.b.c")))).hasValue("a.b.c");
    assertThat(CONFIGURED.find(NONE, Map.of("access_token", List.of("a.b.c")))).hasValue("a.b.c");
    assertThat(BearerTokens.DEFAULT.find(NONE, Map.of("token", List.of("a.b.c")))).isEmpty();
  }

  @Test
  void tokensInTwoQueryParametersAreAmbiguous() {
    assertThatThrownBy(
            () ->
                CONFIGURED.find(
                    NONE, Map.of("token", List.of("a.b.c"), "access_token", List.of("d.e.f"))))
        .isInstanceOf(TokenRejectedException.class)
        .hasMessageContaining("more than one token");
  }

  @Test
  void theConfiguredCookieCarriesATokenAmongOtherCookies() throws Exception {
    Map<String, List<String>> headers =
        Map.of("cookie", List.of("theme=dark; session_id=a.b.c; lang=en"));

    assertThat(CONFIGURED.find(headers, NONE)).hasValue("a.b.c");
    assertThat(BearerTokens.DEFAULT.find(headers, NONE)).as("cookies off").isEmpty();
  }

  @Test
  void anExplicitTokenWinsOverTheAmbientCookie() throws Exception {
    Map<String, List<String>> headers =
        Map.of("Cookie", List.of("session_id=c.o.o"), "Authorization", List.of("Bearer h.e.a"));

    assertThat(CONFIGURED.find(headers, NONE)).hasValue("h.e.a");
  }
}
