package io.switchboard.support;

import io.switchboard.auth.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Callers for tests that run without a server. */
public final class Callers {

  private Callers() {}

  /** An authenticated user in {@code groups} whose token is good for an hour. */
  public static Caller user(String userId, String... groups) {
    return new Caller(userId, userId, Set.of(groups), Instant.now().plus(Duration.ofHours(1)));
  }
}
