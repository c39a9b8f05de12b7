package io.switchboard.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The validated values of every {@link Setting}. Built once at startup; an invalid combination
 * fails the deployment with a message naming the setting and the rule it breaks.
 */
public record Settings(
    int maxMessageSize,
    int maxUnacknowledgedBytes,
    int queueDepth,
    int maxRoomsPerConnection,
    int rosterLimit,
    Duration heartbeatInterval,
    Duration heartbeatTimeout,
    Duration idleTimeout,
    Duration sendTimeout,
    int rateLimit,
    Duration rateWindow,
    int maxConnections,
    int maxConnectionsPerUser,
    Duration drainSpread,
    AuthSettings auth,
    RoomSettings rooms,
    ApiSettings api,
    BridgeSettings bridge) {

  /** Numbers through {@code lookup}, text settings at their defaults. */
  public static Settings read(Function<Setting, Integer> lookup) {
    return read(lookup, s -> null);
  }

  /**
   * Reads every setting through the lookups, falling back to its default when a lookup gives null
   * or blank text, then validates them together.
   */
  public static Settings read(
      Function<Setting, Integer> numbers, Function<TextSetting, String> texts) {
    Map<Setting, Integer> v = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      Integer value = numbers.apply(s);
      v.put(s, value == null ? s.defaultValue() : value);
    }
    Map<TextSetting, String> t = new EnumMap<>(TextSetting.class);
    for (TextSetting s : TextSetting.values()) {
      String value = texts.apply(s);
      t.put(s, value == null || value.isBlank() ? s.defaultValue() : value);
    }
    List<String> violations = violations(v);
    AuthSettings auth = AuthSettings.read(t, v, violations);
    RoomSettings rooms = RoomSettings.read(v, violations);
    ApiSettings api = ApiSettings.read(t, v, violations);
    BridgeSettings bridge = BridgeSettings.read(t, v, violations);
    if (!violations.isEmpty()) {
      throw new IllegalStateException(
          "Invalid Switchboard configuration: " + String.join("; ", violations));
    }
    return new Settings(
        v.get(Setting.WS_MAX_MESSAGE_SIZE),
        v.get(Setting.WS_MAX_UNACKED_BYTES),
        v.get(Setting.WS_MESSAGE_QUEUE_DEPTH),
        v.get(Setting.WS_MAX_ROOMS_PER_CONNECTION),
        v.get(Setting.WS_ROSTER_LIMIT),
        Duration.ofSeconds(v.get(Setting.WS_HEARTBEAT_INTERVAL)),
        Duration.ofSeconds(v.get(Setting.WS_HEARTBEAT_TIMEOUT)),
        Duration.ofSeconds(v.get(Setting.WS_IDLE_TIMEOUT)),
        Duration.ofSeconds(v.get(Setting.WS_SEND_TIMEOUT)),
        v.get(Setting.WS_RATE_LIMIT),
        Duration.ofSeconds(v.get(Setting.WS_RATE_WINDOW)),
        v.get(Setting.WS_MAX_CONNECTIONS),
        v.get(Setting.WS_MAX_CONNECTIONS_PER_USER),
        Duration.ofSeconds(v.get(Setting.WS_DRAIN_SPREAD)),
        auth,
        rooms,
        api,
        bridge);
  }

  /** Defaults only; what a deployment with no configuration gets. */
  public static Settings defaults() {
    return read(s -> null);
  }

  /** The flow window needs pongs: it is off when pings are. */
  public long flowWindowBytes() {
    return heartbeatEnabled() ? maxUnacknowledgedBytes : 0;
  }

  public boolean heartbeatEnabled() {
    return !heartbeatInterval.isZero();
  }

  private static List<String> violations(Map<Setting, Integer> v) {
    List<String> out = new ArrayList<>();
    for (Setting s :
        List.of(
            Setting.WS_MAX_MESSAGE_SIZE,
            Setting.WS_MAX_UNACKED_BYTES,
            Setting.WS_MESSAGE_QUEUE_DEPTH,
            Setting.WS_MAX_ROOMS_PER_CONNECTION,
            Setting.WS_ROSTER_LIMIT,
            Setting.WS_HEARTBEAT_TIMEOUT,
            Setting.WS_IDLE_TIMEOUT,
            Setting.WS_SEND_TIMEOUT,
            Setting.WS_RATE_LIMIT,
            Setting.WS_RATE_WINDOW,
            Setting.WS_MAX_CONNECTIONS,
            Setting.WS_MAX_CONNECTIONS_PER_USER,
            Setting.WS_DRAIN_SPREAD,
            Setting.WS_MAX_TOKEN_SIZE)) {
      if (v.get(s) <= 0) {
        out.add(s + " must be positive (was " + v.get(s) + ")");
      }
    }
    for (Setting s : List.of(Setting.WS_AUTH_EXPIRY_WARNING, Setting.MP_JWT_VERIFY_CLOCK_SKEW)) {
      if (v.get(s) < 0) {
        out.add(s + " must be 0 or positive (was " + v.get(s) + ")");
      }
    }
    int interval = v.get(Setting.WS_HEARTBEAT_INTERVAL);
    if (interval < 0) {
      out.add("WS_HEARTBEAT_INTERVAL must be 0 (off) or positive (was " + interval + ")");
    }
    if (interval > 0 && v.get(Setting.WS_HEARTBEAT_TIMEOUT) <= interval) {
      out.add(
          "WS_HEARTBEAT_TIMEOUT ("
              + v.get(Setting.WS_HEARTBEAT_TIMEOUT)
              + ") must be greater than WS_HEARTBEAT_INTERVAL ("
              + interval
              + ")");
    }
    if (v.get(Setting.WS_IDLE_TIMEOUT) <= interval) {
      out.add(
          "WS_IDLE_TIMEOUT ("
              + v.get(Setting.WS_IDLE_TIMEOUT)
              + ") must be greater than WS_HEARTBEAT_INTERVAL ("
              + interval
              + "), or a client that answers every ping would be dropped as idle");
    }
    long unacked = v.get(Setting.WS_MAX_UNACKED_BYTES);
    if (unacked < 2L * v.get(Setting.WS_MAX_MESSAGE_SIZE)) {
      out.add(
          "WS_MAX_UNACKED_BYTES ("
              + unacked
              + ") must be at least twice WS_MAX_MESSAGE_SIZE ("
              + v.get(Setting.WS_MAX_MESSAGE_SIZE)
              + "), or one large broadcast would close healthy clients");
    }
    return out;
  }
}
