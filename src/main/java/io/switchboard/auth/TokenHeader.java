package io.switchboard.auth;

import io.switchboard.protocol.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The two JWS header values the hub decides on before any cryptography, read from the token's first
 * part. Nothing else in the header is ever looked at.
 *
 * @param alg the claimed algorithm, or null
 * @param kid the claimed key id, or null
 */
record TokenHeader(String alg, String kid) {

  static TokenHeader parse(String part) throws TokenRejectedException {
    JsonObject header = object(part);
    return new TokenHeader(string(header, "alg"), string(header, "kid"));
  }

  private static JsonObject object(String part) throws TokenRejectedException {
    try (JsonReader reader =
        Json.PROVIDER.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() == JsonValue.ValueType.OBJECT) {
        return value.asJsonObject();
      }
    } catch (IllegalArgumentException | JsonException | IllegalStateException e) {
      // falls through to the rejection below
    }
    throw new TokenRejectedException(Rejection.MALFORMED_TOKEN, "header is not a JSON object");
  }

  private static String string(JsonObject header, String name) throws TokenRejectedException {
    JsonValue value = header.getOrDefault(name, JsonValue.NULL);
    if (value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    throw new TokenRejectedException(
        Rejection.MALFORMED_TOKEN, "header " + name + " is not a string");
  }
}
