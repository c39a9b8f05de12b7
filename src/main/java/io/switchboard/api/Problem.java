package io.switchboard.api;

import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.stream.StreamUnavailableException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server API's one error body, RFC 9457 {@code application/problem+json} with the protocol's
 * error code: {@code {type, title, status, code, detail}}. The status follows the code, so HTTP
 * clients and proxies retry what can be retried.
 */
public final class Problem {

  public static final MediaType TYPE = new MediaType("application", "problem+json");

  /** Seconds a caller should wait before retrying a call refused as {@code unavailable}. */
  static final int RETRY_UNAVAILABLE_SECONDS = 1;

  private static final String UNAVAILABLE_DETAIL = "the cluster is unavailable; retry later";
  private static final Logger LOG = Logger.getLogger(Problem.class.getName());

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
      case UNAVAILABLE -> 503;
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

  /**
   * The whole answer for a failure answered with {@code status}; a 503 says when to retry ({@code
   * Retry-After}).
   */
  public static Response response(int status, ErrorCode code, String detail) {
    Response.ResponseBuilder answer =
        Response.status(status).type(TYPE).entity(body(status, code, detail).toString());
    if (status == 503) {
      answer.header(HttpHeaders.RETRY_AFTER, RETRY_UNAVAILABLE_SECONDS);
    }
    return answer.build();
  }

  /**
   * The answer for a call's failure, thrown or failing its stage: a {@link ProtocolException} by
   * its code; the cluster's engine unreachable as 503 {@code unavailable} (nothing was done, retry
   * later); anything else as 500 {@code internal_error}, logged.
   */
  public static Response of(Throwable failure) {
    Throwable cause = cause(failure);
    if (cause instanceof ProtocolException e) {
      return response(e.code(), e.getMessage());
    }
    if (cause instanceof StreamUnavailableException) {
      LOG.fine(() -> "server API call refused, engine unavailable: " + cause.getMessage());
      return response(ErrorCode.UNAVAILABLE, UNAVAILABLE_DETAIL);
    }
    LOG.log(Level.WARNING, "server API call failed", cause);
    return response(ErrorCode.INTERNAL_ERROR, "internal error");
  }

  /** The code and detail a call's failure answers, for a batch item's body. */
  static JsonObject bodyOf(Throwable failure) {
    Throwable cause = cause(failure);
    if (cause instanceof ProtocolException e) {
      return body(e.code(), e.getMessage());
    }
    if (cause instanceof StreamUnavailableException) {
      return body(ErrorCode.UNAVAILABLE, UNAVAILABLE_DETAIL);
    }
    LOG.log(Level.WARNING, "server API batch item failed", cause);
    return body(ErrorCode.INTERNAL_ERROR, "internal error");
  }

  /** A call's answer: 200 with its JSON, or its failure's problem. */
  static CompletionStage<Response> answer(CompletionStage<JsonObject> call) {
    return call.handle(
        (json, failure) -> failure == null ? Response.ok(json).build() : of(failure));
  }

  private static Throwable cause(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
