package io.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.config.JwtSettings;
import io.switchboard.support.Tokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierTest {

  private static final Instant NOW = Instant.now();
  private static final JwtSettings RS256 =
      new JwtSettings(
          "", "", "RS256", Tokens.ISSUER, List.of(Tokens.AUDIENCE), Duration.ofSeconds(60));
  private static final List<VerificationKey> JWKS =
      VerificationKeys.parse(Tokens.keyText("rsa.jwks.json"), "RS256");

  private final TokenVerifier verifier = verifier(JWKS, RS256);

  private static TokenVerifier verifier(List<VerificationKey> keys, JwtSettings jwt) {
    return new TokenVerifier(keys, jwt, 8192, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private Rejection rejectionOf(String token) {
    try {
      verifier.verify(token);
    } catch (TokenRejectedException e) {
      assertThat(e.logDetail()).doesNotContain(token);
      return e.rejection();
    }
    throw new AssertionError("token accepted");
  }

  @Test
  void aValidTokenGivesTheCallerWithUpnGroupsAndExpiry() throws Exception {
    Instant exp = NOW.plusSeconds(600);
    Caller caller =
        verifier.verify(
            Tokens.forUser("alice")
                .groups("admin", "ops")
                .expiresAt(exp)
                .claim("sub", "u-1")
                .sign());

    assertThat(caller.userId()).isEqualTo("alice");
    assertThat(caller.subject()).isEqualTo("u-1");
    assertThat(caller.groups()).containsExactlyInAnyOrder("admin", "ops");
    assertThat(caller.expiresAt())
        .isEqualTo(exp.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(caller.isGuest()).isFalse();
  }

  @Test
  void theUserIdIsUpnThenPreferredUsernameThenSub() throws Exception {
    assertThat(
            verifier
                .verify(
                    Tokens.forUser("x")
                        .claim("upn", null)
                        .claim("preferred_username", "bob")
                        .claim("sub", "s-9")
                        .sign())
                .userId())
        .isEqualTo("bob");
    assertThat(
            verifier
                .verify(Tokens.forUser("x").claim("upn", null).claim("sub", "s-9").sign())
                .userId())
        .isEqualTo("s-9");
  }

  @Test
  void theSecondKeyOfTheSetIsFoundByItsKid() throws Exception {
    String token =
        Tokens.forUser("carol")
            .header("kid", Tokens.RSA_KID_2)
            .signedWith("RS256", Tokens.RSA_2)
            .sign();

    assertThat(verifier.verify(token).userId()).isEqualTo("carol");
  }

  @Test
  void anEs256TokenIsAcceptedWhenEs256IsConfigured() throws Exception {
    JwtSettings es256 =
        new JwtSettings("", "", "ES256", Tokens.ISSUER, List.of(), Duration.ofSeconds(60));
    TokenVerifier ec =
        verifier(VerificationKeys.parse(Tokens.keyText("ec-1.public.pem"), "ES256"), es256);

    assertThat(ec.verify(Tokens.forUser("dave").signedWith("ES256", Tokens.EC_1).sign()).userId())
        .isEqualTo("dave");
  }

  @Test
  void anExpiredTokenIsRefusedBeyondTheClockSkew() throws Exception {
    assertThat(rejectionOf(Tokens.forUser("a").expiresAt(NOW.minusSeconds(61)).sign()))
        .isEqualTo(Rejection.TOKEN_EXPIRED);
    assertThat(verifier.verify(Tokens.forUser("a").expiresAt(NOW.minusSeconds(59)).sign()).userId())
        .as("within the 60 s skew")
        .isEqualTo("a");
  }

  @Test
  void aTokenNotYetValidIsRefused() {
    assertThat(
            rejectionOf(
                Tokens.forUser("a").claim("nbf", NOW.plusSeconds(120).getEpochSecond()).sign()))
        .isEqualTo(Rejection.TOKEN_NOT_YET_VALID);
  }

  @Test
  void aTokenWithoutExpiryIsRefused() {
    assertThat(rejectionOf(Tokens.forUser("a").claim("exp", null).sign()))
        .isEqualTo(Rejection.INVALID_CLAIMS);
  }

  @Test
  void aWrongOrMissingIssuerIsRefused() {
    assertThat(rejectionOf(Tokens.forUser("a").claim("iss", "https://evil.example").sign()))
        .isEqualTo(Rejection.WRONG_ISSUER);
    assertThat(rejectionOf(Tokens.forUser("a").claim("iss", null).sign()))
        .isEqualTo(Rejection.WRONG_ISSUER);
  }

  @Test
  void aWrongOrMissingAudienceIsRefused() {
    assertThat(rejectionOf(Tokens.forUser("a").claim("aud", "other-service").sign()))
        .isEqualTo(Rejection.WRONG_AUDIENCE);
    assertThat(rejectionOf(Tokens.forUser("a").claim("aud", null).sign()))
        .isEqualTo(Rejection.WRONG_AUDIENCE);
  }

  @Test
  void aTokenSignedWithAnotherKeyHasABadSignature() {
    String forged =
        Tokens.forUser("a").signedWith("RS256", Tokens.attackerRsaKey().getPrivate()).sign();

    assertThat(rejectionOf(forged)).isEqualTo(Rejection.BAD_SIGNATURE);
  }

  @Test
  void tamperedClaimsBreakTheSignature() {
    String[] parts = Tokens.forUser("a").groups("user").sign().split("\\.");
    String admin =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                    .replace("\"user\"", "\"admin\"")
                    .getBytes());

    assertThat(rejectionOf(parts[0] + "." + admin + "." + parts[2]))
        .isEqualTo(Rejection.BAD_SIGNATURE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
  void anUnsignedTokenIsRefusedWhateverTheCaseOfNone(String alg) {
    assertThat(rejectionOf(Tokens.forUser("a").groups("admin").unsigned(alg)))
        .isEqualTo(Rejection.ALGORITHM_NOT_ALLOWED);
  }

  @Test
  void hs256WithTheRsaPublicKeyAsSecretIsRefused() {
    assertThat(rejectionOf(Tokens.forUser("a").groups("admin").hs256WithPublicKey()))
        .isEqualTo(Rejection.ALGORITHM_NOT_ALLOWED);
  }

  @Test
  void anotherAsymmetricAlgorithmIsRefusedWhenRs256IsConfigured() {
    assertThat(rejectionOf(Tokens.forUser("a").signedWith("RS512", Tokens.RSA_1).sign()))
        .isEqualTo(Rejection.ALGORITHM_NOT_ALLOWED);
    assertThat(rejectionOf(Tokens.forUser("a").signedWith("ES256", Tokens.EC_1).sign()))
        .isEqualTo(Rejection.ALGORITHM_NOT_ALLOWED);
    assertThat(rejectionOf(Tokens.forUser("a").signedWith("PS256", Tokens.RSA_1).sign()))
        .isEqualTo(Rejection.ALGORITHM_NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"unknown", "../../../../dev/null", "' OR 1=1 --"})
  void anUnknownKidIsRefused(String kid) {
    assertThat(rejectionOf(Tokens.forUser("a").header("kid", kid).sign()))
        .isEqualTo(Rejection.UNKNOWN_KEY);
  }

  @Test
  void withSeveralKeysATokenWithoutKidIsRefused() {
    assertThat(rejectionOf(Tokens.forUser("a").header("kid", null).sign()))
        .isEqualTo(Rejection.UNKNOWN_KEY);
  }

  @Test
  void withOnePemKeyTheKidIsNotNeeded() throws Exception {
    TokenVerifier pem =
        verifier(VerificationKeys.parse(Tokens.keyText("rsa-1.public.pem"), "RS256"), RS256);

    assertThat(pem.verify(Tokens.forUser("a").header("kid", null).sign()).userId()).isEqualTo("a");
    assertThat(pem.verify(Tokens.forUser("a").header("kid", "whatever").sign()).userId())
        .isEqualTo("a");
  }

  @Test
  void anEmbeddedJwkIsNeverTrusted() throws Exception {
    var attacker = Tokens.attackerRsaKey();
    PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(attacker.getPublic());
    String token =
        Tokens.forUser("a")
            .header("jwk", jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))
            .signedWith("RS256", attacker.getPrivate())
            .sign();

    assertThat(rejectionOf(token)).isEqualTo(Rejection.BAD_SIGNATURE);
  }

  @Test
  void aJkuOrX5uHeaderIsNeverFetched() throws Exception {
    var attacker = Tokens.attackerRsaKey();
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + listener.getLocalPort() + "/keys";
      String token =
          Tokens.forUser("a")
              .header("jku", url)
              .header("x5u", url)
              .header("kid", "attacker")
              .signedWith("RS256", attacker.getPrivate())
              .sign();

      assertThat(rejectionOf(token)).isEqualTo(Rejection.UNKNOWN_KEY);
      listener.setSoTimeout(200);
      assertThatThrownBy(listener::accept)
          .as("nobody connected to the jku/x5u address")
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void anOversizeTokenIsRefusedBeforeParsing() {
    String big = Tokens.forUser("a").claim("padding", "x".repeat(9000)).sign();

    assertThat(rejectionOf(big)).isEqualTo(Rejection.TOKEN_TOO_LARGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "a.b", "a.b.c.d.e", "e30.e30", "!!!.e30.sig", "W10.e30.sig"})
  void aMalformedTokenIsRefused(String token) {
    assertThat(rejectionOf(token)).isEqualTo(Rejection.MALFORMED_TOKEN);
  }

  @Test
  void aTokenClaimingAGuestIdIsRefused() {
    assertThat(rejectionOf(Tokens.forUser("guest-0123456789ab").sign()))
        .isEqualTo(Rejection.INVALID_CLAIMS);
  }

  @Test
  void groupsThatAreNotStringsAreRefused() {
    assertThat(rejectionOf(Tokens.forUser("a").claim("groups", Map.of("admin", true)).sign()))
        .isEqualTo(Rejection.INVALID_CLAIMS);
  }

  @Test
  void aTokenWithoutAnyIdentityClaimIsRefused() {
    assertThat(rejectionOf(Tokens.forUser("a").claim("upn", null).claim("sub", null).sign()))
        .isEqualTo(Rejection.INVALID_CLAIMS);
  }

  @Test
  void withoutConfiguredIssuerAndAudienceAnyAreAccepted() throws IOException, Exception {
    TokenVerifier lax =
        verifier(JWKS, new JwtSettings("", "", "RS256", "", List.of(), Duration.ofSeconds(60)));

    assertThat(lax.verify(Tokens.forUser("a").claim("iss", "x").claim("aud", "y").sign()).userId())
        .isEqualTo("a");
  }

  private static final String SECRET =
      "a-shared-secret-of-at-least-64-bytes-so-it-fits-every-hmac-algorithm";

  private static TokenVerifier withSecret(String algorithm) {
    List<VerificationKey> keys = new java.util.ArrayList<>(JWKS);
    keys.add(VerificationKeys.secret(SECRET, algorithm));
    return verifier(keys, RS256);
  }

  private static org.jose4j.keys.HmacKey hmac(String secret) {
    return new org.jose4j.keys.HmacKey(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HS256", "HS384", "HS512"})
  void aTokenSignedWithTheSharedSecretIsAccepted(String algorithm) throws Exception {
    String token =
        Tokens.forUser("erin").header("kid", null).signedWith(algorithm, hmac(SECRET)).sign();

    assertThat(withSecret(algorithm).verify(token).userId()).isEqualTo("erin");
  }

  @Test
  void theSecretVerifiesOnlyItsOwnAlgorithm() {
    String hs384 =
        Tokens.forUser("erin").header("kid", null).signedWith("HS384", hmac(SECRET)).sign();

    assertThatThrownBy(() -> withSecret("HS256").verify(hs384))
        .isInstanceOf(TokenRejectedException.class)
        .extracting(e -> ((TokenRejectedException) e).rejection())
        .isEqualTo(Rejection.ALGORITHM_NOT_ALLOWED);
  }

  @Test
  void anHs256TokenSignedWithTheRsaPublicKeyNeverMeetsThePublicKey() {
    String confused = Tokens.forUser("mallory").groups("admin").hs256WithPublicKey();

    assertThat(rejectionOf(confused)).isEqualTo(Rejection.ALGORITHM_NOT_ALLOWED);
    assertThatThrownBy(() -> withSecret("HS256").verify(confused))
        .as("with a secret configured, the token meets the secret only")
        .extracting(e -> ((TokenRejectedException) e).rejection())
        .isEqualTo(Rejection.BAD_SIGNATURE);
  }

  @Test
  void anRs256TokenStillVerifiesBesideASecret() throws Exception {
    assertThat(withSecret("HS256").verify(Tokens.forUser("frank").sign()).userId())
        .isEqualTo("frank");
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRefused() {
    String token =
        Tokens.forUser("erin")
            .header("kid", null)
            .signedWith("HS256", hmac("another-secret-that-is-long-enough-for-hs256!"))
            .sign();

    assertThatThrownBy(() -> withSecret("HS256").verify(token))
        .extracting(e -> ((TokenRejectedException) e).rejection())
        .isEqualTo(Rejection.BAD_SIGNATURE);
  }
}
