package io.switchboard.protocol;

import java.util.Locale;

/**
 * The {@code payload.code} of an {@code error} frame: one code per kind of failure, so clients can
 * branch on it without parsing the human-readable message. An error never closes the connection by
 * itself.
 */
public enum ErrorCode {
  /** The text frame is not valid JSON. */
  INVALID_JSON,
  /**
   * Valid JSON, but not an envelope: not an object, or {@code type}/{@code message_id}/{@code
   * payload} ill-typed.
   */
  INVALID_ENVELOPE,
  /** {@code type} is not one a client may send. */
  UNKNOWN_TYPE,
  /** A payload field the type requires is missing or has the wrong JSON type. */
  INVALID_PAYLOAD,
  /** A room id that is empty, too long or has characters outside the allowed set. */
  INVALID_ROOM_ID,
  /** The connection already holds the maximum number of rooms. */
  ROOM_LIMIT,
  /** Broadcast to a room the connection has not joined. */
  NOT_A_MEMBER,
  /** A direct message to a connection or user that is not connected. */
  TARGET_NOT_FOUND,
  /**
   * An app message could not reach a backend: the NATS bridge is disconnected, its buffer is full,
   * or (for a request) no backend listens on the message's subject.
   */
  BACKEND_UNAVAILABLE,
  /** No backend answered an app request within {@code WS_APP_REQUEST_TIMEOUT}. */
  BACKEND_TIMEOUT,
  /**
   * Too many app requests await a reply, on this connection ({@code
   * WS_APP_MAX_PENDING_PER_CONNECTION}) or on the node ({@code WS_APP_MAX_PENDING}), or one with
   * the same {@code message_id} does. Nothing was sent.
   */
  BACKEND_BUSY,
  /**
   * The caller's groups do not allow the request (a room rule, a message rule, or a guest outside
   * the guest rooms); the connection stays open.
   */
  FORBIDDEN,
  /** An {@code auth.refresh} token was refused; the connection keeps its current token. */
  INVALID_TOKEN,
  /** Over {@code WS_RATE_LIMIT}; the payload carries {@code retry_after_ms}. Nothing was done. */
  RATE_LIMITED,
  /** A binary frame: the protocol is JSON text only. */
  UNSUPPORTED_FRAME,
  /** Server API: no credentials, or credentials the hub does not accept (HTTP 401). */
  UNAUTHENTICATED,
  /** Server API: a request body or message over the size limit (HTTP 413). Nothing was done. */
  MESSAGE_TOO_LARGE,
  /** The server failed while handling the message; the connection stays usable. */
  INTERNAL_ERROR;

  /** The code as it appears on the wire, e.g. {@code invalid_json}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
