package io.switchboard.protocol;

/**
 * Close codes the hub uses beyond RFC 6455's own (1000 normal, 1001 going away, 1011 internal
 * error). Codes in 4000-4099 mean "reconnect is fine"; see docs/protocol.md for the advised delay
 * of each.
 */
public final class CloseCodes {

  /** No {@code heartbeat.pong} within {@code WS_HEARTBEAT_TIMEOUT}. Reconnect at once. */
  public static final int HEARTBEAT_TIMEOUT = 4000;

  /** No frame at all within {@code WS_IDLE_TIMEOUT}. Reconnect when there is something to do. */
  public static final int IDLE_TIMEOUT = 4001;

  /**
   * The client did not read fast enough: its outbound queue overflowed or a write timed out.
   * Reconnect with backoff.
   */
  public static final int SLOW_CONSUMER = 4002;

  /**
   * The connection's token expired without an {@code auth.refresh}. Reconnect with a fresh token.
   */
  public static final int TOKEN_EXPIRED = 4003;

  /**
   * RFC 6455 policy violation: the handshake was refused (no, or an invalid, token; a foreign
   * Origin) on a server that does not let the hub answer with HTTP 401/403 before the upgrade.
   * Reconnect only with a valid token.
   */
  public static final int POLICY_VIOLATION = 1008;

  /** The client kept sending far above {@code WS_RATE_LIMIT}. Reconnect after a minute. */
  public static final int RATE_LIMIT_ABUSE = 4004;

  /**
   * The user already holds {@code WS_MAX_CONNECTIONS_PER_USER} connections. Close another first.
   */
  public static final int TOO_MANY_USER_CONNECTIONS = 4005;

  /**
   * An operator disconnected the connection (or all of its user's) through the admin API; the
   * reason phrase is the operator's. Reconnect with backoff.
   */
  public static final int DISCONNECTED_BY_OPERATOR = 4006;

  /**
   * {@code /ws/rooms/{room_id}} named a room the caller may not join (an invalid room id, a room or
   * message rule); the reason phrase gives the error code a {@code room.join} would have got.
   * Reconnect only to another room or with other rights.
   */
  public static final int ROOM_REFUSED = 4007;

  /** RFC 6455: the server is shutting down; reconnect after the announced delay. */
  public static final int GOING_AWAY = 1001;

  /** RFC 6455: the server is at {@code WS_MAX_CONNECTIONS}. Reconnect with backoff. */
  public static final int TRY_AGAIN_LATER = 1013;

  /** RFC 6455: the message was larger than {@code WS_MAX_MESSAGE_SIZE}. */
  public static final int TOO_BIG = 1009;

  private CloseCodes() {}
}
