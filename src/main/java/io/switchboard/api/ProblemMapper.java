package io.switchboard.api;

import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.ProtocolException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers every failure of a server API call as a {@link Problem}: the service layer's {@link
 * ProtocolException}s by their code, the container's own (unknown path, wrong method, wrong media
 * type) by their status, and anything unexpected as 500 {@code internal_error}. Failures of the
 * admin API keep their own answers.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<RuntimeException> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Context UriInfo uri;

  @Override
  public Response toResponse(RuntimeException exception) {
    boolean api = uri != null && ApiPaths.isServerApi(uri.getPath());
    if (exception instanceof WebApplicationException e && !api) {
      return e.getResponse();
    }
    if (exception instanceof ProtocolException e) {
      return Problem.response(e.code(), e.getMessage());
    }
    if (exception instanceof WebApplicationException e) {
      int status = e.getResponse().getStatus();
      Response.Status known = Response.Status.fromStatusCode(status);
      String reason =
          known == null ? "request failed" : known.getReasonPhrase().toLowerCase(Locale.ROOT);
      return Problem.response(status, code(status), reason);
    }
    LOG.log(Level.WARNING, "request failed: " + (api ? "server API" : "admin API"), exception);
    return api
        ? Problem.response(ErrorCode.INTERNAL_ERROR, "internal error")
        : Response.serverError().build();
  }

  private static ErrorCode code(int status) {
    return switch (status) {
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404 -> ErrorCode.TARGET_NOT_FOUND;
      case 413 -> ErrorCode.MESSAGE_TOO_LARGE;
      case 429 -> ErrorCode.RATE_LIMITED;
      default -> status < 500 ? ErrorCode.INVALID_PAYLOAD : ErrorCode.INTERNAL_ERROR;
    };
  }
}
