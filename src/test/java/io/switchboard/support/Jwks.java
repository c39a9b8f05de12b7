package io.switchboard.support;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/** A JWK Set document as an identity provider publishes it, built from the test keys. */
public final class Jwks {

  private final List<String> keys = new ArrayList<>();

  public static Jwks empty() {
    return new Jwks();
  }

  /** The RS256 signing keys {@code test-rsa-1} and/or {@code test-rsa-2}. */
  public static Jwks signing(String... kids) {
    Jwks jwks = new Jwks();
    for (String kid : kids) {
      jwks.with(kid, kid.equals(Tokens.RSA_KID) ? Tokens.RSA_1_PUBLIC : Tokens.RSA_2_PUBLIC);
    }
    return jwks;
  }

  /** Adds a signing key, {@code "use":"sig"}, with the {@code alg} of its type. */
  public Jwks with(String kid, PublicKey key) {
    return add(kid, key, "sig", key.getAlgorithm().equals("EC") ? "ES256" : "RS256");
  }

  /** Adds a key with the given {@code use} and {@code alg}. */
  public Jwks add(String kid, PublicKey key, String use, String alg) {
    try {
      PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
      jwk.setKeyId(kid);
      jwk.setUse(use);
      jwk.setAlgorithm(alg);
      keys.add(jwk.toJson());
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  public String json() {
    return "{\"keys\":[" + String.join(",", keys) + "]}";
  }
}
