package io.switchboard.protocol;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The one frame shape on the wire: {@code {type, message_id, timestamp, sender_id, payload}}.
 *
 * <p>Every envelope the hub sends is created here, so every one carries a fresh server {@code
 * message_id} and a UTC timestamp. {@code senderId} is always an identity the server established
 * (never a value a client claimed) and is {@code null} on frames the hub itself originates.
 */
@JsonbPropertyOrder({"type", "messageId", "timestamp", "senderId", "payload"})
public record Envelope(
    String type, String messageId, Instant timestamp, String senderId, JsonObject payload) {

  /** A frame the hub originates (no sender). */
  public static Envelope fromServer(MessageType type, JsonObject payload) {
    return from(type, null, payload);
  }

  /** A frame relayed on behalf of the authenticated identity {@code senderId}. */
  public static Envelope from(MessageType type, String senderId, JsonObject payload) {
    return new Envelope(
        type.wireName(),
        UUID.randomUUID().toString(),
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        senderId,
        payload);
  }
}
