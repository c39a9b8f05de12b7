package io.switchboard.auth;

import io.switchboard.config.JwtSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies a bearer token the same way on every server: a signed JWT (compact JWS) whose {@code
 * alg} is exactly the configured one, signed by a configured key, with an {@code exp}, and with the
 * configured issuer and audience. A pure object: the keys and clock are given, so every rejection
 * is unit tested.
 *
 * <p>Security decisions taken here, before the JOSE library sees the token: its size, its shape
 * (three parts; no JWE), the algorithm (pinned per key: only the keys whose algorithm is the
 * token's {@code alg} are candidates, so {@code none} never passes and an {@code HS256} token can
 * only meet the configured shared secret, never a public key) and the key (chosen by {@code kid}
 * among those candidates only; {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} headers are
 * never read).
 */
public final class TokenVerifier {

  private final Supplier<List<VerificationKey>> keys;
  private final JwtSettings jwt;
  private final int maxTokenSize;
  private final Clock clock;

  public TokenVerifier(List<VerificationKey> keys, JwtSettings jwt, int maxTokenSize, Clock clock) {
    this(fixed(List.copyOf(keys)), jwt, maxTokenSize, clock);
  }

  private static Supplier<List<VerificationKey>> fixed(List<VerificationKey> keys) {
    return () -> keys;
  }

  /**
   * A verifier over a key set that may change (a JWKS refreshed from its URL): each token is
   * checked against the keys {@code keys} gives at that moment.
   */
  public TokenVerifier(
      Supplier<List<VerificationKey>> keys, JwtSettings jwt, int maxTokenSize, Clock clock) {
    this.keys = keys;
    this.jwt = jwt;
    this.maxTokenSize = maxTokenSize;
    this.clock = clock;
  }

  public Caller verify(String token) throws TokenRejectedException {
    if (token.length() > maxTokenSize) {
      throw new TokenRejectedException(
          Rejection.TOKEN_TOO_LARGE, "length=" + token.length() + " limit=" + maxTokenSize);
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new TokenRejectedException(Rejection.MALFORMED_TOKEN, "not a compact JWS");
    }
    TokenHeader header = TokenHeader.parse(parts[0]);
    String kid = header.kid();
    String alg = header.alg();
    List<VerificationKey> candidates =
        keys.get().stream().filter(k -> k.algorithm().equals(alg)).toList();
    if (candidates.isEmpty() && alg != null && alg.equals(jwt.algorithm()) && jwt.keysFromUrl()) {
      throw new TokenRejectedException(
          Rejection.UNKNOWN_KEY, "kid=" + loggable(kid) + " (no keys)");
    }
    if (candidates.isEmpty()) {
      throw new TokenRejectedException(
          Rejection.ALGORITHM_NOT_ALLOWED, "alg=" + loggable(alg) + " kid=" + loggable(kid));
    }
    VerificationKey key = select(candidates, kid);
    JwtConsumerBuilder builder =
        new JwtConsumerBuilder()
            .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, key.algorithm())
            .setVerificationKey(key.key())
            .setRequireExpirationTime()
            .setAllowedClockSkewInSeconds((int) jwt.clockSkew().toSeconds())
            .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()));
    if (!jwt.issuer().isEmpty()) {
      builder.setExpectedIssuer(true, jwt.issuer());
    }
    if (jwt.audiences().isEmpty()) {
      builder.setSkipDefaultAudienceValidation();
    } else {
      builder.setExpectedAudience(true, jwt.audiences().toArray(String[]::new));
    }
    try {
      return caller(builder.build().processToClaims(token), kid);
    } catch (InvalidJwtException e) {
      throw new TokenRejectedException(rejection(e), "kid=" + loggable(kid) + subject(e));
    }
  }

  private static VerificationKey select(List<VerificationKey> keys, String kid)
      throws TokenRejectedException {
    if (kid != null) {
      for (VerificationKey key : keys) {
        if (kid.equals(key.keyId())) {
          return key;
        }
      }
    }
    List<VerificationKey> unnamed = keys.stream().filter(k -> k.keyId() == null).toList();
    if (unnamed.size() == 1) {
      return unnamed.get(0);
    }
    if (kid == null && keys.size() == 1) {
      return keys.get(0);
    }
    throw new TokenRejectedException(Rejection.UNKNOWN_KEY, "kid=" + loggable(kid));
  }

  private static Caller caller(JwtClaims claims, String kid) throws TokenRejectedException {
    try {
      String userId = firstString(claims, "upn", "preferred_username", "sub");
      if (userId == null || userId.isBlank() || userId.length() > 256) {
        throw new TokenRejectedException(
            Rejection.INVALID_CLAIMS, "no upn, preferred_username or sub; kid=" + loggable(kid));
      }
      if (userId.startsWith(Caller.GUEST_PREFIX)) {
        throw new TokenRejectedException(
            Rejection.INVALID_CLAIMS, "user id in the guest namespace; kid=" + loggable(kid));
      }
      List<String> groups =
          claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
      Set<String> groupSet = new LinkedHashSet<>(groups);
      return new Caller(
          userId,
          claims.getSubject(),
          groupSet,
          Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis()));
    } catch (MalformedClaimException e) {
      throw new TokenRejectedException(
          Rejection.INVALID_CLAIMS, "ill-typed claim; kid=" + loggable(kid));
    }
  }

  private static String firstString(JwtClaims claims, String... names)
      throws MalformedClaimException {
    for (String name : names) {
      if (claims.hasClaim(name)) {
        return claims.getStringClaimValue(name);
      }
    }
    return null;
  }

  private static Rejection rejection(InvalidJwtException e) {
    if (e.hasExpired()) {
      return Rejection.TOKEN_EXPIRED;
    }
    if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
      return Rejection.TOKEN_NOT_YET_VALID;
    }
    if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
      return Rejection.WRONG_ISSUER;
    }
    if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
        || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
      return Rejection.WRONG_AUDIENCE;
    }
    if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
      return Rejection.BAD_SIGNATURE;
    }
    if (e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
      return Rejection.ALGORITHM_NOT_ALLOWED;
    }
    if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)
        || e.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
      return Rejection.INVALID_CLAIMS;
    }
    return Rejection.MALFORMED_TOKEN;
  }

  /** The subject, for the log line, only once the signature held (claims errors). */
  private static String subject(InvalidJwtException e) {
    if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.getJwtContext() == null) {
      return "";
    }
    try {
      return " sub=" + loggable(e.getJwtContext().getJwtClaims().getSubject());
    } catch (MalformedClaimException | RuntimeException ignored) {
      return "";
    }
  }

  /** A claimed value as it may appear in a log line: short and printable. */
  static String loggable(String value) {
    if (value == null) {
      return "-";
    }
    String clean = value.replaceAll("[^A-Za-z0-9._:@/+=-]", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }
}
