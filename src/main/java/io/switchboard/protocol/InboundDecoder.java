package io.switchboard.protocol;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.Decoder;
import java.io.StringReader;

/**
 * Decodes a client's text frame into an {@link Inbound}. Structural problems become {@link
 * Inbound.Rejected} values instead of {@code DecodeException}s: containers differ in what they do
 * after a decode failure, a value does not. {@code sender_id} and {@code timestamp} from the client
 * are ignored by design.
 */
public class InboundDecoder implements Decoder.Text<Inbound> {

  /** Longest {@code message_id} accepted; it is echoed back in replies, so it must stay small. */
  public static final int MAX_MESSAGE_ID_LENGTH = 128;

  @Override
  public Inbound decode(String text) {
    int bytes = Utf8.length(text);
    JsonValue value;
    try (JsonReader reader = Json.PROVIDER.createReader(new StringReader(text))) {
      value = reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      return new Inbound.Rejected(ErrorCode.INVALID_JSON, "frame is not valid JSON", null, bytes);
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      return new Inbound.Rejected(
          ErrorCode.INVALID_ENVELOPE, "frame must be a JSON object", null, bytes);
    }
    return decodeObject(value.asJsonObject(), bytes);
  }

  private static Inbound decodeObject(JsonObject frame, int bytes) {
    JsonValue id = frame.getOrDefault("message_id", JsonValue.NULL);
    String messageId = id instanceof JsonString s ? s.getString() : null;
    if (id != JsonValue.NULL && (messageId == null || messageId.length() > MAX_MESSAGE_ID_LENGTH)) {
      return new Inbound.Rejected(
          ErrorCode.INVALID_ENVELOPE,
          "message_id must be a string of at most " + MAX_MESSAGE_ID_LENGTH + " characters",
          null,
          bytes);
    }
    if (!(frame.get("type") instanceof JsonString type)) {
      return new Inbound.Rejected(
          ErrorCode.INVALID_ENVELOPE, "type is required and must be a string", messageId, bytes);
    }
    JsonValue payload = frame.getOrDefault("payload", JsonValue.NULL);
    if (payload != JsonValue.NULL && payload.getValueType() != JsonValue.ValueType.OBJECT) {
      return new Inbound.Rejected(
          ErrorCode.INVALID_ENVELOPE, "payload must be an object", messageId, bytes);
    }
    JsonObject body =
        payload == JsonValue.NULL ? JsonValue.EMPTY_JSON_OBJECT : payload.asJsonObject();
    return MessageType.fromClient(type.getString())
        .<Inbound>map(t -> new Inbound.Request(t, messageId, body, bytes))
        .orElseGet(() -> new Inbound.Custom(type.getString(), messageId, body, bytes));
  }

  @Override
  public boolean willDecode(String text) {
    return true;
  }
}
