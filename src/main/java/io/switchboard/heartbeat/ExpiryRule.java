package io.switchboard.heartbeat;

import io.switchboard.auth.Caller;
import java.time.Duration;
import java.time.Instant;

/**
 * What the sweep does about a connection's token, decided from the caller alone: a pure rule, so it
 * is tested with a fixed clock. A connection does not outlive its token unnoticed: the client is
 * warned {@code WS_AUTH_EXPIRY_WARNING} before {@code exp} (once per token) and closed when {@code
 * exp} has passed by more than the clock skew the handshake also allows, unless an {@code
 * auth.refresh} replaced the token first. Guests have no token and never expire.
 */
public final class ExpiryRule {

  /** The sweep's verdict on one connection's token. */
  public enum Action {
    NONE,
    WARN,
    CLOSE_EXPIRED
  }

  private ExpiryRule() {}

  public static Action decide(
      Caller caller, boolean warned, Instant now, Duration warning, Duration clockSkew) {
    if (caller.isGuest()) {
      return Action.NONE;
    }
    if (now.isAfter(caller.expiresAt().plus(clockSkew))) {
      return Action.CLOSE_EXPIRED;
    }
    if (!warned && !warning.isZero() && !now.isBefore(caller.expiresAt().minus(warning))) {
      return Action.WARN;
    }
    return Action.NONE;
  }
}
