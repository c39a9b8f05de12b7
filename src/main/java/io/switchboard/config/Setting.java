package io.switchboard.config;

/**
 * Every numeric setting, by the name it has everywhere: environment variable, system property,
 * Payara config property, Liberty {@code <variable>} and WildFly system property alike. Durations
 * are whole seconds, sizes are bytes. Text settings are {@link TextSetting}s.
 */
public enum Setting {
  WS_MAX_MESSAGE_SIZE(
      1_048_576,
      "bytes",
      "Largest inbound text or binary message; larger ones are closed with 1009."),
  WS_MAX_UNACKED_BYTES(
      8 * 1_048_576,
      "bytes",
      "Bytes sent to a client that it has not acknowledged with a pong; beyond, it is a slow consumer (4002)."),
  WS_MESSAGE_QUEUE_DEPTH(
      100, "frames", "Outbound frames queued per connection before backpressure applies."),
  WS_MAX_ROOMS_PER_CONNECTION(100, "rooms", "Rooms one connection may be in at once."),
  WS_ROSTER_LIMIT(
      100,
      "members",
      "Members listed in a room.joined / room.left reply; member_count is always exact."),
  WS_HEARTBEAT_INTERVAL(30, "seconds", "Seconds between heartbeat.ping frames; 0 disables pings."),
  WS_HEARTBEAT_TIMEOUT(
      60,
      "seconds",
      "A connection that has not answered a ping for this long is closed with 4000."),
  WS_IDLE_TIMEOUT(
      300,
      "seconds",
      "A connection that has sent no frame at all for this long is closed with 4001."),
  WS_RATE_LIMIT(
      60,
      "frames",
      "Frames a connection, and a user across all its connections, may send per window."),
  WS_RATE_WINDOW(
      60,
      "seconds",
      "The window WS_RATE_LIMIT applies to (a token bucket refilled evenly over it)."),
  WS_MAX_CONNECTIONS(
      10_000,
      "connections",
      "Open connections on this node; beyond, new ones are closed with 1013."),
  WS_MAX_CONNECTIONS_PER_USER(
      10,
      "connections",
      "Open connections per user on this node; beyond, new ones are closed with 4005."),
  WS_DRAIN_SPREAD(
      10,
      "seconds",
      "On shutdown, clients are told to reconnect after a random delay of up to this long."),
  WS_SEND_TIMEOUT(
      10,
      "seconds",
      "A single outbound write stuck longer than this closes the connection as a slow consumer (4002)."),
  WS_AUTH_EXPIRY_WARNING(
      60,
      "seconds",
      "auth.expiring is sent this long before the connection's token expires; 0 turns it off."),
  WS_MAX_TOKEN_SIZE(
      8192, "bytes", "Longest token accepted; longer ones are refused before any parsing."),
  WS_ROOM_HISTORY(
      50,
      "messages",
      "Messages each room keeps for history on join and for recovery after a reconnect; 0 keeps none."),
  WS_ROOM_HISTORY_MAX_AGE(
      0, "seconds", "Kept room messages older than this are dropped; 0 means no age limit."),
  WS_ROOM_STREAMS(
      10_000,
      "rooms",
      "Rooms whose history, sequence and epoch are kept; beyond, the least recently used is evicted."),
  WS_PUBLISH_DEDUP_WINDOW(
      60,
      "seconds",
      "A room.broadcast retried with the same message_id within this window is delivered once; 0 turns it off."),
  WS_PUBLISH_DEDUP_SIZE(200, "message ids", "Publish message_ids remembered per room."),
  WS_PRESENCE_GRACE(
      5,
      "seconds",
      "A user whose last connection dropped is announced gone only after this long, unless it is back."),
  WS_TYPING_TIMEOUT(
      3, "seconds", "A typing indicator not refreshed for this long stops by itself."),
  WS_LARGE_ROOM(
      1000,
      "users",
      "Above this many users a room sends room.occupancy updates instead of per-member notices."),
  WS_API_RATE_LIMIT(
      6000,
      "requests",
      "Server API requests one caller (API key name or token user) may make per WS_API_RATE_WINDOW."),
  WS_API_RATE_WINDOW(60, "seconds", "The window WS_API_RATE_LIMIT applies to."),
  WS_API_BATCH_SIZE(100, "items", "Items one POST /api/v1/batch may carry."),
  WS_INBOX_SIZE(
      100, "messages", "Messages kept per user in the inbox; beyond, the oldest is dropped."),
  WS_INBOX_MAX_AGE(
      604_800, "seconds", "Inbox messages older than this are dropped unacknowledged."),
  WS_INBOX_USERS(
      10_000,
      "users",
      "Users whose inbox this node keeps; beyond, the inbox least recently written to is dropped."),
  WS_APP_REQUEST_TIMEOUT(
      5,
      "seconds",
      "An app message sent with reply: true that the backend has not answered within this long gets error backend_timeout."),
  WS_APP_MAX_PENDING(
      1000,
      "requests",
      "App requests awaiting a backend reply on this node; beyond: backend_busy."),
  WS_APP_MAX_PENDING_PER_CONNECTION(
      10,
      "requests",
      "App requests one connection may have awaiting a reply; beyond: backend_busy."),
  WS_NATS_RECONNECT_BUFFER(
      8 * 1_048_576,
      "bytes",
      "Bytes the NATS client buffers while reconnecting; beyond, app messages get backend_unavailable."),
  WS_NATS_ACK_WAIT(
      30,
      "seconds",
      "How long NATS waits for the bridge's ack of an inbound message before it redelivers it."),
  WS_NATS_MAX_ACK_PENDING(
      1000, "messages", "Inbound NATS messages delivered to the bridge and not yet acknowledged."),
  /** The MicroProfile JWT name, so one setting serves the container's MP-JWT and the hub. */
  MP_JWT_VERIFY_CLOCK_SKEW(
      "mp.jwt.verify.clock.skew",
      60,
      "seconds",
      "Leeway for exp and nbf against clock differences with the token issuer.");

  private final String key;
  private final int defaultValue;
  private final String unit;
  private final String meaning;

  Setting(int defaultValue, String unit, String meaning) {
    this(null, defaultValue, unit, meaning);
  }

  Setting(String key, int defaultValue, String unit, String meaning) {
    this.key = key == null ? name() : key;
    this.defaultValue = defaultValue;
    this.unit = unit;
    this.meaning = meaning;
  }

  /** The MicroProfile Config property name. */
  public String key() {
    return key;
  }

  @Override
  public String toString() {
    return key;
  }

  public int defaultValue() {
    return defaultValue;
  }

  public String unit() {
    return unit;
  }

  public String meaning() {
    return meaning;
  }
}
