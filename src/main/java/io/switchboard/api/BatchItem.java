package io.switchboard.api;

import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.ProtocolException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One call of a batch: {@code {method, path, body?, idempotency_key?}}, the path as it would be
 * requested alone ({@code /api/v1/rooms/lobby/messages}, a query string allowed), split into its
 * decoded segments and query parameters.
 */
record BatchItem(
    String method,
    List<String> segments,
    Map<String, String> query,
    JsonObject body,
    String idempotencyKey) {

  private static final String PREFIX = "/api/v1/";

  static BatchItem of(JsonValue value) {
    if (!(value instanceof JsonObject item)) {
      throw invalid("each item must be an object {method, path, body?, idempotency_key?}");
    }
    String method = text(item, "method").toUpperCase(Locale.ROOT);
    String path = text(item, "path");
    if (!path.startsWith(PREFIX)) {
      throw invalid("path must start with " + PREFIX);
    }
    String[] pathAndQuery = path.substring(PREFIX.length()).split("\\?", 2);
    List<String> segments =
        java.util.Arrays.stream(pathAndQuery[0].split("/", -1)).map(BatchItem::decode).toList();
    Map<String, String> query = new HashMap<>();
    if (pathAndQuery.length == 2) {
      for (String pair : pathAndQuery[1].split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(decode(kv[0]), kv.length == 2 ? decode(kv[1]) : "");
      }
    }
    JsonValue body = item.getOrDefault("body", JsonValue.EMPTY_JSON_OBJECT);
    if (!(body instanceof JsonObject object)) {
      throw invalid("body must be an object");
    }
    JsonValue key = item.getOrDefault("idempotency_key", JsonValue.NULL);
    if (key != JsonValue.NULL && !(key instanceof JsonString)) {
      throw invalid("idempotency_key must be a string");
    }
    return new BatchItem(
        method, segments, query, object, key instanceof JsonString s ? s.getString() : null);
  }

  /** Whether the path is {@code pattern}, where {@code *} stands for any one segment. */
  boolean is(String method, String pattern) {
    String[] parts = pattern.split("/");
    if (!this.method.equals(method) || parts.length != segments.size()) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].equals("*") && !parts[i].equals(segments.get(i))) {
        return false;
      }
    }
    return true;
  }

  String segment(int index) {
    return segments.get(index);
  }

  private static String text(JsonObject item, String field) {
    if (!(item.get(field) instanceof JsonString s)) {
      throw invalid(field + " is required and must be a string");
    }
    return s.getString();
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("the path has a malformed escape");
    }
  }

  private static ProtocolException invalid(String message) {
    return new ProtocolException(ErrorCode.INVALID_PAYLOAD, message);
  }
}
