package io.switchboard.config;

import java.time.Duration;
import java.util.List;

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
 */
public record JwtSettings(
    String publicKey,
    String publicKeyLocation,
    String algorithm,
    String issuer,
    List<String> audiences,
    Duration clockSkew) {

  static final List<String> ALGORITHMS = List.of("RS256", "ES256");

  public boolean hasKey() {
    return !publicKey.isEmpty() || !publicKeyLocation.isEmpty();
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
        + "]";
  }
}
