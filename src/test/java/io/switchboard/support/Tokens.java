package io.switchboard.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Mints tokens for the tests with the committed test keys ({@code src/test/resources/keys}), the
 * valid ones and every kind of bad one. The defaults match the configuration the build gives the
 * integration-test server: issuer {@value #ISSUER}, audience {@value #AUDIENCE}, key {@value
 * #RSA_KID}.
 */
public final class Tokens {

  public static final String ISSUER = "https://issuer.switchboard.test";
  public static final String AUDIENCE = "switchboard";
  public static final String RSA_KID = "test-rsa-1";
  public static final String RSA_KID_2 = "test-rsa-2";

  public static final PrivateKey RSA_1 = privateKey("rsa-1", "RSA");
  public static final PrivateKey RSA_2 = privateKey("rsa-2", "RSA");
  public static final PrivateKey EC_1 = privateKey("ec-1", "EC");
  public static final PublicKey RSA_1_PUBLIC = publicKey("rsa-1", "RSA");
  public static final PublicKey RSA_2_PUBLIC = publicKey("rsa-2", "RSA");
  public static final PublicKey EC_1_PUBLIC = publicKey("ec-1", "EC");

  /** The shared secret the build gives the {@code identity} execution's server (WS_JWT_SECRET). */
  public static final String SHARED_SECRET = "switchboard-test-shared-secret-for-hs256-tokens";

  private final Map<String, Object> claims = new LinkedHashMap<>();
  private final Map<String, Object> headers = new LinkedHashMap<>();
  private String algorithm = "RS256";
  private Key key = RSA_1;

  private Tokens(String user) {
    Instant now = Instant.now();
    claims.put("iss", ISSUER);
    claims.put("aud", AUDIENCE);
    claims.put("sub", user);
    claims.put("upn", user);
    claims.put("groups", List.of());
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    headers.put("kid", RSA_KID);
    headers.put("typ", "JWT");
  }

  /** A valid token for {@code user}, no groups, one hour. */
  public static Tokens forUser(String user) {
    return new Tokens(user);
  }

  /** A fresh unique user id. */
  public static String uniqueUser() {
    return "user-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A valid token for a fresh unique user in group {@code user}. */
  public static String valid() {
    return forUser(uniqueUser()).groups("user").sign();
  }

  public Tokens groups(String... groups) {
    claims.put("groups", List.of(groups));
    return this;
  }

  /** Sets {@code exp}, moving {@code iat} back when it would come after it. */
  public Tokens expiresAt(Instant exp) {
    claims.put("exp", exp.getEpochSecond());
    if ((Long) claims.get("iat") > exp.getEpochSecond()) {
      claims.put("iat", exp.getEpochSecond() - 60);
    }
    return this;
  }

  public Tokens expiresIn(Duration lifetime) {
    return expiresAt(Instant.now().plus(lifetime));
  }

  /** Sets a claim; {@code null} removes it. */
  public Tokens claim(String name, Object value) {
    if (value == null) {
      claims.remove(name);
    } else {
      claims.put(name, value);
    }
    return this;
  }

  /** Sets a header; {@code null} removes it. */
  public Tokens header(String name, Object value) {
    if (value == null) {
      headers.remove(name);
    } else {
      headers.put(name, value);
    }
    return this;
  }

  public Tokens signedWith(String algorithm, Key key) {
    this.algorithm = algorithm;
    this.key = key;
    return this;
  }

  public String sign() {
    JsonWebSignature jws = new JsonWebSignature();
    JwtClaims jwtClaims = new JwtClaims();
    claims.forEach(
        (name, value) -> {
          if (name.equals("exp") || name.equals("iat") || name.equals("nbf")) {
            jwtClaims.setNumericDateClaim(name, NumericDate.fromSeconds((Long) value));
          } else {
            jwtClaims.setClaim(name, value);
          }
        });
    jws.setPayload(jwtClaims.toJson());
    headers.forEach(jws.getHeaders()::setObjectHeaderValue);
    jws.setAlgorithmHeaderValue(algorithm);
    jws.setKey(key);
    jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
    jws.setDoKeyValidation(false);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The same claims, unsigned, with {@code alg} set to {@code alg} (none and its case variants).
   */
  public String unsigned(String alg) {
    headers.put("alg", alg);
    JwtClaims jwtClaims = new JwtClaims();
    claims.forEach(jwtClaims::setClaim);
    return b64(JsonUtil.toJson(headers)) + "." + b64(jwtClaims.toJson()) + ".";
  }

  /** Signed HS256 with {@link #SHARED_SECRET}, without a {@code kid}. */
  public Tokens hs256() {
    return header("kid", null)
        .signedWith("HS256", new HmacKey(SHARED_SECRET.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A token as a FastAPI backend makes it ({@code jwt.encode({"sub": user, "exp": …}, SECRET_KEY,
   * algorithm="HS256")}): HS256 with the shared secret, only {@code sub} and {@code exp}.
   */
  public static String fastApiHs256(String user) {
    Tokens tokens = forUser(user);
    for (String claim : List.of("iss", "aud", "upn", "groups", "iat", "jti")) {
      tokens.claim(claim, null);
    }
    return tokens.header("typ", null).hs256().sign();
  }

  /** The classic key confusion: HS256 with the server's RSA public key (DER) as the secret. */
  public String hs256WithPublicKey() {
    return signedWith("HS256", new HmacKey(RSA_1_PUBLIC.getEncoded())).sign();
  }

  /** A key pair nobody configured. */
  public static KeyPair attackerRsaKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text of a committed key file. */
  public static String keyText(String file) {
    try (InputStream in = Tokens.class.getResourceAsStream("/keys/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static PrivateKey privateKey(String name, String type) {
    try {
      return KeyFactory.getInstance(type)
          .generatePrivate(new PKCS8EncodedKeySpec(der(keyText(name + ".private.pem"))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PublicKey publicKey(String name, String type) {
    try {
      return KeyFactory.getInstance(type)
          .generatePublic(new X509EncodedKeySpec(der(keyText(name + ".public.pem"))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] der(String pem) {
    return Base64.getDecoder()
        .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
  }
}
