package io.switchboard.auth;

import java.security.Key;

/**
 * One key tokens may be signed with, pinned to the one algorithm it may verify: a token whose
 * {@code alg} differs never reaches it, so an RSA public key can never serve as an HMAC secret.
 *
 * @param keyId the JWK {@code kid}, or null for a key without one (PEM, the shared secret)
 * @param key a public key (RS256, ES256) or a secret key (HS256, HS384, HS512)
 * @param algorithm the JWS {@code alg} this key verifies, and no other
 */
public record VerificationKey(String keyId, Key key, String algorithm) {}
