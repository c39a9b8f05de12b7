package io.switchboard.admin;

import io.switchboard.protocol.Json;
import io.switchboard.protocol.Utf8;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Reading admin request bodies, and the API's error answers ({@code {"error": "..."}}). */
final class Requests {

  /** A close reason travels in a close frame, which holds at most 123 bytes of it. */
  static final int MAX_REASON_BYTES = 123;

  static final String DEFAULT_REASON = "disconnected by operator";

  private Requests() {}

  /** The optional {@code reason} of a disconnect, within what a close frame can carry. */
  static String reason(JsonObject body) {
    String reason = optionalString(body, "reason").orElse(DEFAULT_REASON);
    if (reason.isBlank() || Utf8.length(reason) > MAX_REASON_BYTES) {
      throw badRequest("reason must be 1 to " + MAX_REASON_BYTES + " bytes of UTF-8");
    }
    return reason;
  }

  static Optional<String> optionalString(JsonObject body, String field) {
    if (body == null || !body.containsKey(field) || body.isNull(field)) {
      return Optional.empty();
    }
    JsonValue value = body.get(field);
    if (!(value instanceof JsonString text)) {
      throw badRequest(field + " must be a string");
    }
    return Optional.of(text.getString());
  }

  static WebApplicationException badRequest(String message) {
    return error(Response.Status.BAD_REQUEST, message);
  }

  static WebApplicationException notFound(String message) {
    return error(Response.Status.NOT_FOUND, message);
  }

  private static WebApplicationException error(Response.Status status, String message) {
    return new WebApplicationException(
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Json.PROVIDER.createObjectBuilder().add("error", message).build().toString())
            .build());
  }
}
