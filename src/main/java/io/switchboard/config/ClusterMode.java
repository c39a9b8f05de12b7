package io.switchboard.config;

import java.util.Locale;
import java.util.Optional;

/** {@code WS_CLUSTER}: where room streams and fan-out live. */
public enum ClusterMode {
  /** In this node's memory: one node, no external dependency. The default. */
  LOCAL,
  /** In the Redis server at {@code WS_REDIS_URL}, shared by every node. */
  REDIS;

  static Optional<ClusterMode> parse(String value) {
    for (ClusterMode mode : values()) {
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
