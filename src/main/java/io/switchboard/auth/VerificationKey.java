package io.switchboard.auth;

import java.security.PublicKey;

/**
 * One key tokens may be signed with.
 *
 * @param keyId the JWK {@code kid}, or null for a key without one (PEM)
 */
public record VerificationKey(String keyId, PublicKey key) {}
