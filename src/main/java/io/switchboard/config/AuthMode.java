package io.switchboard.config;

import java.util.Locale;
import java.util.Optional;

/** {@code WS_AUTH_MODE}: who may open a connection. */
public enum AuthMode {
  /** Only the holder of a valid token gets a connection. The default. */
  REQUIRED,
  /** No token makes a guest; a token that is presented must be valid. */
  OPTIONAL,
  /** Tokens are ignored: everyone is a guest. */
  DISABLED;

  static Optional<AuthMode> parse(String value) {
    for (AuthMode mode : values()) {
      if (mode.name().equalsIgnoreCase(value.trim())) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
