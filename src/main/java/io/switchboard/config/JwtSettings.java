package io.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MicroProfile JWT verification settings, as the hub reads them: where the key is, the one
 * algorithm it signs with, and the claims a token must carry.
 *
 * @param publicKey the key as text (PEM, JWK or JWK Set); empty when {@code publicKeyLocation} is
 *     used
 * @param publicKeyLocation a file path, {@code file:} URL or {@code classpath:} resource; empty
 *     when {@code publicKey} is used
 * @param algorithm {@code RS256} or {@code ES256}; no other algorithm is ever accepted
 * @param issuer the required {@code iss}; empty accepts any
 * @param audiences one of them must be in {@code aud}; empty refuses any token that has an {@code
 *     aud}
 * @param clockSkew leeway for {@code exp} and {@code nbf}
 * @param secret the shared HMAC secret ({@code WS_JWT_SECRET}); empty when HMAC tokens are refused
 * @param secretAlgorithm {@code HS256}, {@code HS384} or {@code HS512}: the one algorithm the
 *     secret verifies
 */
public record JwtSettings(
    String publicKey,
    String publicKeyLocation,
    String algorithm,
    String issuer,
    List<String> audiences,
    Duration clockSkew,
    String secret,
    String secretAlgorithm) {

  static final List<String> ALGORITHMS = List.of("RS256", "ES256");

  /** Each HMAC algorithm with its hash's size in bytes, the shortest secret it accepts. */
  static final Map<String, Integer> HMAC_ALGORITHMS = Map.of("HS256", 32, "HS384", 48, "HS512", 64);

  /** Settings without a shared secret. */
  public JwtSettings(
      String publicKey,
      String publicKeyLocation,
      String algorithm,
      String issuer,
      List<String> audiences,
      Duration clockSkew) {
    this(publicKey, publicKeyLocation, algorithm, issuer, audiences, clockSkew, "", "HS256");
  }

  public boolean hasKey() {
    return !publicKey.isEmpty() || !publicKeyLocation.isEmpty();
  }

  public boolean hasSecret() {
    return !secret.isEmpty();
  }

  /** The location is a JWKS endpoint to fetch and refresh, not a file or resource. */
  public boolean keysFromUrl() {
    String lower = publicKeyLocation.toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://");
  }

  /** Names where the key comes from instead of printing it: startup logs stay short. */
  @Override
  public String toString() {
    String key =
        !publicKey.isEmpty()
            ? "text(" + publicKey.length() + " chars)"
            : publicKeyLocation.isEmpty() ? "none" : publicKeyLocation;
    return "JwtSettings[key="
        + key
        + ", algorithm="
        + algorithm
        + ", issuer="
        + issuer
        + ", audiences="
        + audiences
        + ", clockSkew="
        + clockSkew
        + ", secret="
        + (secret.isEmpty() ? "none" : "set(" + secretAlgorithm + ")")
        + "]";
  }
}
