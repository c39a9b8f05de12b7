package io.switchboard.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads typed fields out of a request payload, failing with a message that names the field. */
public final class Payloads {

  /** Longest room id accepted. */
  public static final int MAX_ROOM_ID_LENGTH = 128;

  private static final Pattern ROOM_ID =
      Pattern.compile("[A-Za-z0-9_.:\\-]{1," + MAX_ROOM_ID_LENGTH + "}");

  private Payloads() {}

  public static String requiredString(JsonObject payload, String field) {
    return optionalString(payload, field)
        .orElseThrow(() -> invalid("payload." + field + " is required and must be a string"));
  }

  public static Optional<String> optionalString(JsonObject payload, String field) {
    JsonValue value = payload.getOrDefault(field, JsonValue.NULL);
    if (value == JsonValue.NULL) {
      return Optional.empty();
    }
    if (value instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    throw invalid("payload." + field + " must be a string");
  }

  public static boolean optionalBoolean(JsonObject payload, String field, boolean fallback) {
    JsonValue value = payload.getOrDefault(field, JsonValue.NULL);
    if (value == JsonValue.NULL) {
      return fallback;
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    throw invalid("payload." + field + " must be a boolean");
  }

  /** Any JSON value except null. */
  public static JsonValue requiredValue(JsonObject payload, String field) {
    JsonValue value = payload.getOrDefault(field, JsonValue.NULL);
    if (value == JsonValue.NULL) {
      throw invalid("payload." + field + " is required");
    }
    return value;
  }

  /** {@code payload.room_id}: 1 to 128 characters from {@code A-Z a-z 0-9 _ . : -}. */
  public static String roomId(JsonObject payload) {
    return roomId(requiredString(payload, "room_id"));
  }

  /** {@code roomId} when it is 1 to 128 characters from {@code A-Z a-z 0-9 _ . : -}. */
  public static String roomId(String roomId) {
    if (!ROOM_ID.matcher(roomId).matches()) {
      throw new ProtocolException(
          ErrorCode.INVALID_ROOM_ID,
          "room_id must be 1 to " + MAX_ROOM_ID_LENGTH + " characters of A-Z a-z 0-9 _ . : -");
    }
    return roomId;
  }

  private static ProtocolException invalid(String message) {
    return new ProtocolException(ErrorCode.INVALID_PAYLOAD, message);
  }
}
