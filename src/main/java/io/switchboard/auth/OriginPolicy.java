package io.switchboard.auth;

import io.switchboard.config.AuthSettings;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which browser pages may open a connection, against cross-site WebSocket hijacking. With an
 * allow-list ({@code WS_ALLOWED_ORIGINS}), an Origin must equal one entry exactly: no wildcard, no
 * suffix or substring match, the scheme and port included. Without one, only the same origin is
 * admitted: the Origin must name the host and port the request was sent to. A request without
 * Origin comes from a non-browser client and is admitted when {@code WS_ALLOW_MISSING_ORIGIN} says
 * so.
 */
public final class OriginPolicy {

  private final List<String> allowed;
  private final boolean allowMissing;

  public OriginPolicy(List<String> allowed, boolean allowMissing) {
    this.allowed = List.copyOf(allowed);
    this.allowMissing = allowMissing;
  }

  /**
   * What can be decided from the Origin alone ({@code Configurator.checkOrigin}, whose refusal the
   * container answers with 403): missing Origin and the allow-list. The same-origin default needs
   * the Host header and is decided by {@link #admits(String, String)}.
   */
  public boolean admits(String origin) {
    if (origin == null) {
      return allowMissing;
    }
    return allowed.isEmpty() || allowed.contains(origin);
  }

  /** The whole rule, with the request's {@code Host} header. */
  public boolean admits(String origin, String host) {
    if (origin == null || !allowed.isEmpty()) {
      return admits(origin);
    }
    Optional<String> canonical = AuthSettings.normalizeOrigin(origin);
    if (host == null || canonical.isEmpty() || !canonical.get().equals(origin)) {
      return false;
    }
    String scheme = origin.substring(0, origin.indexOf(':'));
    return AuthSettings.normalizeOrigin(scheme + "://" + host.trim().toLowerCase(Locale.ROOT))
        .map(origin::equals)
        .orElse(false);
  }
}
