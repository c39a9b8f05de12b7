package io.switchboard.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One server API key of {@code WS_API_KEYS}: the caller's name, and the SHA-256 of its secret (the
 * plain secret is hashed at startup and not kept).
 */
public record ApiKey(String name, byte[] secretSha256) {

  public ApiKey {
    secretSha256 = secretSha256.clone();
  }

  /** Whether {@code secret} is this key's secret, in time independent of where they differ. */
  public boolean matches(String secret) {
    return MessageDigest.isEqual(secretSha256, sha256(secret));
  }

  @Override
  public byte[] secretSha256() {
    return secretSha256.clone();
  }

  @Override
  public String toString() {
    return "ApiKey[" + name + "]";
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
