package io.switchboard.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * An envelope already encoded to its wire text. A broadcast creates one frame and queues the same
 * instance on every recipient, so a message is serialized once however many members a room has.
 */
public record Frame(MessageType type, String text, int bytes, MessageType.Delivery delivery) {

  /** A frame of {@code text}, its UTF-8 size measured once for every recipient's flow window. */
  public Frame(MessageType type, String text) {
    this(type, text, Utf8.length(text), type.delivery());
  }

  private static final EnvelopeEncoder ENCODER = new EnvelopeEncoder();

  public static Frame of(MessageType type, Envelope envelope) {
    return new Frame(type, ENCODER.encode(envelope));
  }

  /** A frame the hub originates. */
  public static Frame fromServer(MessageType type, JsonObject payload) {
    return of(type, Envelope.fromServer(type, payload));
  }

  /** A frame relayed on behalf of {@code senderId}. */
  public static Frame from(MessageType type, String senderId, JsonObject payload) {
    return of(type, Envelope.from(type, senderId, payload));
  }

  /** An {@code error} frame answering the client message {@code refMessageId} (may be null). */
  public static Frame error(ErrorCode code, String message, String refMessageId) {
    return fromServer(MessageType.ERROR, errorPayload(code, message, refMessageId).build());
  }

  /**
   * A {@code rate_limited} error telling the client when to try again. Advisory, hence ephemeral: a
   * flooding client that does not read its answers loses them rather than its connection; if it
   * keeps flooding it is closed for abuse.
   */
  public static Frame rateLimited(String refMessageId, long retryAfterMillis) {
    JsonObject payload =
        errorPayload(ErrorCode.RATE_LIMITED, "rate limit exceeded", refMessageId)
            .add("retry_after_ms", retryAfterMillis)
            .build();
    Frame error = fromServer(MessageType.ERROR, payload);
    return new Frame(error.type(), error.text(), error.bytes(), MessageType.Delivery.EPHEMERAL);
  }

  private static JsonObjectBuilder errorPayload(ErrorCode code, String message, String ref) {
    var payload =
        Json.PROVIDER.createObjectBuilder().add("code", code.wireName()).add("message", message);
    return ref == null ? payload.addNull("ref_message_id") : payload.add("ref_message_id", ref);
  }
}
