package io.switchboard.auth;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The identity behind a connection, established by the server at the handshake (and replaced only
 * by a verified {@code auth.refresh} for the same user). Never taken from anything a client claims
 * in a frame.
 *
 * @param userId the token's {@code upn}, else {@code preferred_username}, else {@code sub} (the
 *     MicroProfile JWT rule); {@code guest-} and 12 hex digits for a guest
 * @param subject the token's {@code sub}, null for a guest or a token without one
 * @param groups the token's {@code groups}; empty for a guest
 * @param expiresAt the token's {@code exp}; null for a guest, whose connection never expires
 */
public record Caller(String userId, String subject, Set<String> groups, Instant expiresAt) {

  /** User ids a token may not claim: they are the guests' namespace. */
  public static final String GUEST_PREFIX = "guest-";

  public Caller {
    groups = Set.copyOf(groups);
  }

  /** A new anonymous caller with a fresh random guest id. */
  public static Caller guest() {
    return new Caller(
        GUEST_PREFIX
            + String.format("%012x", ThreadLocalRandom.current().nextLong() & 0xffffffffffffL),
        null,
        Set.of(),
        null);
  }

  public boolean isGuest() {
    return expiresAt == null;
  }

  /** True when the caller is authenticated and belongs to at least one of {@code anyOf}. */
  public boolean inAnyGroup(Collection<String> anyOf) {
    return !isGuest() && anyOf.stream().anyMatch(groups::contains);
  }
}
