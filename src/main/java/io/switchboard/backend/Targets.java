package io.switchboard.backend;

import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Payloads;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.protocol.Utf8;
import jakarta.json.JsonValue;

/** Checks what a backend names: ids it may address and messages it may send. */
final class Targets {

  /** Longest user id or group name a backend may address. */
  static final int MAX_ID_LENGTH = 256;

  private Targets() {}

  static String roomId(String roomId) {
    return Payloads.roomId(roomId == null ? "" : roomId);
  }

  /** A user id or group name: 1 to 256 characters, no control characters. */
  static String id(String kind, String id) {
    if (id == null
        || id.isEmpty()
        || id.length() > MAX_ID_LENGTH
        || id.chars().anyMatch(Character::isISOControl)) {
      throw new ProtocolException(
          ErrorCode.INVALID_PAYLOAD,
          kind + " must be 1 to " + MAX_ID_LENGTH + " characters without control characters");
    }
    return id;
  }

  /**
   * The message, any JSON value but null, of at most {@code limit} bytes once encoded: the frame
   * that carries it must stay within what every client accepts.
   */
  static JsonValue message(JsonValue message, int limit) {
    if (message == null || message.getValueType() == JsonValue.ValueType.NULL) {
      throw new ProtocolException(ErrorCode.INVALID_PAYLOAD, "message is required");
    }
    if (Utf8.length(message.toString()) > limit) {
      throw new ProtocolException(
          ErrorCode.MESSAGE_TOO_LARGE, "message must be at most " + limit + " bytes of JSON");
    }
    return message;
  }
}
