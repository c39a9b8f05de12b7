package io.switchboard.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Reads the configured verification keys, in the forms MicroProfile JWT defines: a PEM public key
 * (or its bare Base64), a JWK or a JWK Set, given as text or by location. Only public keys of the
 * configured algorithm's type are accepted (RSA of at least 2048 bits for RS256, P-256 for ES256):
 * a configuration that could let another algorithm through fails the deployment instead.
 */
public final class VerificationKeys {

  private VerificationKeys() {}

  /** The keys in {@code text}, checked against {@code algorithm}. */
  public static List<VerificationKey> parse(String text, String algorithm) {
    String trimmed = text.trim();
    List<VerificationKey> keys =
        trimmed.startsWith("{")
            ? fromJwk(trimmed, algorithm)
            : List.of(fromPem(trimmed, algorithm));
    Set<String> ids = new HashSet<>();
    for (VerificationKey key : keys) {
      check(key, algorithm);
      if (key.keyId() != null && !ids.add(key.keyId())) {
        throw invalid("two keys have the kid '" + key.keyId() + "'");
      }
    }
    if (keys.isEmpty()) {
      throw invalid("the JWK Set has no keys");
    }
    return keys;
  }

  /**
   * The text at {@code location}: {@code classpath:name}, a {@code file:} URL, or a plain name,
   * which is looked up on the classpath first and as a file path second (as MicroProfile JWT does).
   * Remote URLs are refused: keys are not fetched over the network at runtime.
   */
  public static String read(String location, ClassLoader loader) {
    try {
      String lower = location.toLowerCase(Locale.ROOT);
      if (lower.startsWith("classpath:")) {
        return resource(location.substring("classpath:".length()), loader);
      }
      if (lower.startsWith("file:")) {
        return Files.readString(Path.of(URI.create(location)), StandardCharsets.UTF_8);
      }
      if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
        throw invalid(
            "mp.jwt.verify.publickey.location supports file paths, file: URLs and classpath:"
                + " resources; "
                + location.substring(0, location.indexOf(':'))
                + " locations are not supported");
      }
      String name = location.startsWith("/") ? location.substring(1) : location;
      if (loader.getResource(name) != null) {
        return resource(name, loader);
      }
      return Files.readString(Path.of(location), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw invalid("cannot read mp.jwt.verify.publickey.location " + location + ": " + e);
    }
  }

  private static String resource(String name, ClassLoader loader) throws IOException {
    String path = name.startsWith("/") ? name.substring(1) : name;
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("no classpath resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The signing keys of a JWK Set published by an identity provider, for {@code algorithm}. Unlike
   * {@link #parse}, keys the hub cannot use are skipped instead of failing: providers publish
   * encryption keys ({@code "use":"enc"}), keys for other algorithms and other key types in the
   * same set (Keycloak publishes an {@code RSA-OAEP} key beside its {@code RS256} one). Keys beyond
   * {@code maxKeys} are dropped.
   *
   * @throws IllegalStateException when the text is not a JWK Set or has no usable key
   */
  public static List<VerificationKey> parsePublished(String json, String algorithm, int maxKeys) {
    List<JsonWebKey> jwks;
    try {
      jwks = new JsonWebKeySet(json).getJsonWebKeys();
    } catch (JoseException | RuntimeException e) {
      throw new IllegalStateException("not a JWK Set");
    }
    List<VerificationKey> keys = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonWebKey jwk : jwks) {
      boolean signing = jwk.getUse() == null || jwk.getUse().equals("sig");
      boolean forAlgorithm = jwk.getAlgorithm() == null || jwk.getAlgorithm().equals(algorithm);
      if (!signing || !forAlgorithm || !(jwk instanceof PublicJsonWebKey publicJwk)) {
        continue;
      }
      VerificationKey key =
          new VerificationKey(jwk.getKeyId(), publicJwk.getPublicKey(), algorithm);
      if (fits(key, algorithm)
          && (key.keyId() == null || ids.add(key.keyId()))
          && keys.size() < maxKeys) {
        keys.add(key);
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalStateException("no " + algorithm + " signing key in the JWK Set");
    }
    return List.copyOf(keys);
  }

  /**
   * The shared secret of {@code WS_JWT_SECRET} as a key pinned to its HMAC algorithm. The length
   * rule (at least the hash's size, RFC 7518 §3.2) is checked with the other settings at startup.
   */
  public static VerificationKey secret(String secret, String algorithm) {
    return new VerificationKey(
        null, new HmacKey(secret.getBytes(StandardCharsets.UTF_8)), algorithm);
  }

  private static List<VerificationKey> fromJwk(String json, String algorithm) {
    try {
      List<JsonWebKey> jwks =
          json.contains("\"keys\"")
              ? new JsonWebKeySet(json).getJsonWebKeys()
              : List.of(JsonWebKey.Factory.newJwk(json));
      List<VerificationKey> keys = new ArrayList<>();
      for (JsonWebKey jwk : jwks) {
        if (!(jwk instanceof PublicJsonWebKey publicJwk)) {
          throw invalid(
              "only RSA and EC public keys are accepted (found kty " + jwk.getKeyType() + ")");
        }
        keys.add(new VerificationKey(jwk.getKeyId(), publicJwk.getPublicKey(), algorithm));
      }
      return keys;
    } catch (JoseException e) {
      throw invalid("not a valid JWK or JWK Set: " + e.getMessage());
    }
  }

  private static VerificationKey fromPem(String pem, String algorithm) {
    String base64 =
        pem.replaceAll("-----BEGIN [A-Z ]+-----", "")
            .replaceAll("-----END [A-Z ]+-----", "")
            .replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      String type = algorithm.startsWith("ES") ? "EC" : "RSA";
      PublicKey key = KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
      return new VerificationKey(null, key, algorithm);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw invalid(
          "not a PEM public key (-----BEGIN PUBLIC KEY-----) for "
              + algorithm
              + ", nor a JWK or JWK Set");
    }
  }

  private static boolean fits(VerificationKey key, String algorithm) {
    return switch (algorithm) {
      case "RS256" -> key.key() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048;
      case "ES256" ->
          key.key() instanceof ECPublicKey ec
              && ec.getParams().getCurve().getField().getFieldSize() == 256;
      default -> false;
    };
  }

  private static void check(VerificationKey key, String algorithm) {
    if (!fits(key, algorithm)) {
      throw invalid(
          "key "
              + (key.keyId() == null ? "" : "'" + key.keyId() + "' ")
              + "is a "
              + key.key().getAlgorithm()
              + " key unfit for "
              + algorithm
              + " (RS256 needs RSA of at least 2048 bits, ES256 an EC P-256 key)");
    }
  }

  private static IllegalStateException invalid(String message) {
    return new IllegalStateException("Invalid Switchboard configuration: " + message);
  }
}
