package io.switchboard.api;

import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The server API's one error body, RFC 9457 {@code application/problem+json} with the protocol's
 * error code: {@code {type, title, status, code, detail}}. The status follows the code, so HTTP
 * clients and proxies retry what can be retried.
 */
public final class Problem {

  public static final MediaType TYPE = new MediaType("application", "problem+json");

  private Problem() {}

  /** The HTTP status a failure with this code answers. */
  public static int status(ErrorCode code) {
    return switch (code) {
      case INVALID_JSON, INVALID_ENVELOPE, INVALID_PAYLOAD, INVALID_ROOM_ID, UNKNOWN_TYPE -> 400;
      case UNAUTHENTICATED, INVALID_TOKEN -> 401;
      case FORBIDDEN -> 403;
      case TARGET_NOT_FOUND -> 404;
      case MESSAGE_TOO_LARGE -> 413;
      case RATE_LIMITED -> 429;
      default -> 500;
    };
  }

  /** The problem body for a failure. */
  public static JsonObject body(ErrorCode code, String detail) {
    return body(status(code), code, detail);
  }

  /** The problem body for a failure answered with {@code status}. */
  public static JsonObject body(int status, ErrorCode code, String detail) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return Json.PROVIDER
        .createObjectBuilder()
        .add("type", "urn:switchboard:error:" + code.wireName())
        .add("title", known == null ? "Error" : known.getReasonPhrase())
        .add("status", status)
        .add("code", code.wireName())
        .add("detail", detail)
        .build();
  }

  /** The whole answer for a failure. */
  public static Response response(ErrorCode code, String detail) {
    return response(status(code), code, detail);
  }

  /** The whole answer for a failure answered with {@code status}. */
  public static Response response(int status, ErrorCode code, String detail) {
    return Response.status(status).type(TYPE).entity(body(status, code, detail).toString()).build();
  }
}
