package io.switchboard.bridge.inbound;

import io.switchboard.backend.Publisher;
import io.switchboard.backend.RoomPublished;
import io.switchboard.bridge.Subjects;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.ProtocolException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Hands one inbound NATS message to the backend publishing service, exactly as the matching REST
 * call would: the body is the REST body ({@code {"message": …}}, plus {@code persist} for a user),
 * the target comes from the subject or the headers ({@link Subjects}), and the message's id is the
 * idempotency key, so a redelivery reaches clients once within the dedup window.
 */
final class Relay {

  /** What becomes of a message: acknowledged, or terminated, or delivered again later. */
  enum Outcome {
    DELIVERED,
    DUPLICATE,
    REJECTED,
    RETRY
  }

  /** An inbound message as read from NATS. */
  record Message(String subject, Function<String, String> header, byte[] body, String id) {}

  /** The sender_id of frames published from NATS. */
  static final String SENDER = "nats";

  private static final Set<ErrorCode> PERMANENT =
      EnumSet.of(
          ErrorCode.INVALID_PAYLOAD,
          ErrorCode.INVALID_ROOM_ID,
          ErrorCode.MESSAGE_TOO_LARGE,
          ErrorCode.INVALID_JSON);

  private final Subjects subjects;
  private final Publisher publisher;
  private final RecentKeys recent;

  Relay(Subjects subjects, Publisher publisher, RecentKeys recent) {
    this.subjects = subjects;
    this.publisher = publisher;
    this.recent = recent;
  }

  /**
   * Publishes the message, or says why not.
   *
   * @throws ProtocolException with the reason when the message can never be delivered
   */
  Outcome relay(Message message) {
    Subjects.Target target =
        subjects
            .target(message.subject(), message.header())
            .orElseThrow(
                () ->
                    new ProtocolException(
                        ErrorCode.INVALID_PAYLOAD, "the subject and headers name no target"));
    JsonObject body = body(message.body());
    JsonValue payload = body.getOrDefault("message", JsonValue.NULL);
    String key = message.id();
    switch (target.kind()) {
      case ROOM -> {
        RoomPublished published = publisher.toRoom(SENDER, target.id(), payload, key);
        return published.duplicate() ? Outcome.DUPLICATE : Outcome.DELIVERED;
      }
      case USER -> {
        String scoped = "user\n" + target.id() + "\n" + key;
        if (recent.contains(scoped, System.nanoTime())) {
          return Outcome.DUPLICATE;
        }
        publisher.toUser(SENDER, target.id(), payload, persist(body));
        recent.remember(scoped, System.nanoTime());
        return Outcome.DELIVERED;
      }
      case GROUP -> {
        String scoped = "group\n" + target.id() + "\n" + key;
        if (recent.contains(scoped, System.nanoTime())) {
          return Outcome.DUPLICATE;
        }
        publisher.toGroup(SENDER, target.id(), payload);
        recent.remember(scoped, System.nanoTime());
        return Outcome.DELIVERED;
      }
    }
    throw new IllegalStateException("unreachable: " + target);
  }

  /** Whether a refusal is final: the same message will never be accepted. */
  static boolean permanent(ProtocolException refusal) {
    return PERMANENT.contains(refusal.code());
  }

  private static boolean persist(JsonObject body) {
    JsonValue persist = body.getOrDefault("persist", JsonValue.FALSE);
    if (persist != JsonValue.TRUE && persist != JsonValue.FALSE) {
      throw new ProtocolException(ErrorCode.INVALID_PAYLOAD, "persist must be true or false");
    }
    return persist == JsonValue.TRUE;
  }

  private static JsonObject body(byte[] bytes) {
    String text = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    try (JsonReader reader = Json.PROVIDER.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      return Optional.of(value)
          .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
          .map(JsonValue::asJsonObject)
          .orElseThrow(
              () ->
                  new ProtocolException(
                      ErrorCode.INVALID_PAYLOAD, "the body must be a JSON object"));
    } catch (JsonException | IllegalStateException e) {
      throw new ProtocolException(ErrorCode.INVALID_JSON, "the body is not JSON");
    }
  }
}
