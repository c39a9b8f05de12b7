package io.switchboard.protocol;

import jakarta.json.JsonObject;

/**
 * What a client's text frame decodes to: either a well-formed {@link Request} of a type a client
 * may send, or a {@link Rejected} frame carrying the error to answer with. Decoding never throws,
 * so every bad frame gets an {@code error} reply on every server alike and the connection stays
 * open.
 */
public sealed interface Inbound {

  /** The client's {@code message_id}, echoed as {@code ref_message_id} in replies; may be null. */
  String messageId();

  /**
   * Size of the frame in UTF-8 bytes, checked against {@code WS_MAX_MESSAGE_SIZE} by the hub
   * itself.
   */
  int bytes();

  /** A frame with a known client type and an object payload (empty when the client sent none). */
  record Request(MessageType type, String messageId, JsonObject payload, int bytes)
      implements Inbound {}

  /**
   * A well-formed frame whose type is none of the hub's own client types: an app message when the
   * type starts with {@code WS_APP_MESSAGE_PREFIX} and the NATS bridge is on, else an unknown type.
   */
  record Custom(String type, String messageId, JsonObject payload, int bytes) implements Inbound {}

  /** A frame that cannot be handled, with the reason to send back. */
  record Rejected(ErrorCode code, String reason, String messageId, int bytes) implements Inbound {}
}
