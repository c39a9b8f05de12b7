package io.switchboard.api;

import io.switchboard.auth.Authenticator;
import io.switchboard.auth.Caller;
import io.switchboard.auth.TokenRejectedException;
import io.switchboard.config.ApiKey;
import io.switchboard.config.ApiSettings;
import io.switchboard.config.HubConfig;
import io.switchboard.protocol.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Lets into {@code /api/v1} only services: a request with an {@code X-API-Key} whose secret is one
 * of {@code WS_API_KEYS} (compared against every key, in time independent of the secret), or with a
 * bearer token the hub verifies whose groups contain {@code WS_API_PUBLISHER_GROUP}. Before any
 * resource runs it also applies the caller's rate limit (429 with {@code Retry-After}) and the size
 * limit (413, a body larger than {@code WS_MAX_MESSAGE_SIZE}). Every request is logged once, with
 * its caller (or why it was refused), method, path and status: never a body, a key or a token.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ApiGate implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String API_KEY_HEADER = "X-API-Key";

  private static final Logger LOG = Logger.getLogger(ApiGate.class.getName());
  private static final String BEARER = "bearer ";
  private static final String STARTED = ApiGate.class.getName() + ".started";

  @Inject Authenticator authenticator;
  @Inject HubConfig config;
  @Inject CallerLimits limits;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!ApiPaths.isServerApi(request.getUriInfo().getPath())) {
      return;
    }
    long started = System.nanoTime();
    boolean secure = request.getSecurityContext().isSecure();
    Optional<ServiceCaller> caller;
    try {
      caller = authenticate(request, secure);
    } catch (Refusal refusal) {
      refuse(request, refusal.code, refusal.getMessage(), refusal.logged);
      return;
    }
    if (caller.isEmpty()) {
      refuse(
          request, ErrorCode.UNAUTHENTICATED, "send X-API-Key or a bearer token", "no credentials");
      return;
    }
    request.setSecurityContext(caller.get());
    request.setProperty(STARTED, started);
    long wait = limits.take(caller.get().name(), System.nanoTime());
    if (wait > 0) {
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999));
      drain(request);
      request.abortWith(
          Response.fromResponse(
                  Problem.response(
                      ErrorCode.RATE_LIMITED, "over WS_API_RATE_LIMIT; retry after the delay"))
              .header(HttpHeaders.RETRY_AFTER, seconds)
              .build());
      return;
    }
    bound(request);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(STARTED) instanceof Long started)) {
      return;
    }
    String caller =
        request.getSecurityContext() instanceof ServiceCaller service ? service.name() : "-";
    LOG.info(
        () ->
            "api call: caller="
                + caller
                + " "
                + request.getMethod()
                + " /api/"
                + request.getUriInfo().getPath().replaceFirst("^/", "")
                + " status="
                + response.getStatus()
                + " ms="
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  private Optional<ServiceCaller> authenticate(ContainerRequestContext request, boolean secure) {
    List<String> keys = request.getHeaders().get(API_KEY_HEADER);
    if (keys != null && !keys.isEmpty()) {
      if (keys.size() != 1) {
        throw new Refusal(ErrorCode.UNAUTHENTICATED, "send one X-API-Key", "several keys");
      }
      return Optional.of(new ServiceCaller(keyName(keys.get(0)), "ApiKey", secure));
    }
    List<String> headers = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (headers == null || headers.isEmpty()) {
      return Optional.empty();
    }
    if (headers.size() != 1 || !isBearer(headers.get(0))) {
      throw new Refusal(
          ErrorCode.UNAUTHENTICATED, "Authorization must be one bearer token", "not bearer");
    }
    Caller caller;
    try {
      caller = authenticator.verify(headers.get(0).substring(BEARER.length()).trim());
    } catch (TokenRejectedException e) {
      throw new Refusal(ErrorCode.INVALID_TOKEN, "the token was refused", e.rejection().reason());
    }
    String group = api().publisherGroup();
    if (!caller.inAnyGroup(List.of(group))) {
      throw new Refusal(
          ErrorCode.FORBIDDEN,
          "the token's groups do not include " + group,
          "user=" + caller.userId() + " not in " + group);
    }
    return Optional.of(new ServiceCaller(caller.userId(), "Bearer", secure));
  }

  /** Compares with every key, so the time taken says nothing about which key came close. */
  private String keyName(String secret) {
    String found = null;
    for (ApiKey key : api().keys()) {
      if (key.matches(secret) && found == null) {
        found = key.name();
      }
    }
    if (found == null) {
      throw new Refusal(ErrorCode.UNAUTHENTICATED, "unknown API key", "unknown API key");
    }
    return found;
  }

  /**
   * Reads the body here, at most {@code WS_MAX_MESSAGE_SIZE} bytes of it, so an oversized request
   * is refused whether or not it declared its length.
   */
  private void bound(ContainerRequestContext request) {
    int limit = config.settings().maxMessageSize();
    if (request.getLength() > limit) {
      tooLarge(request, limit);
      return;
    }
    if (!request.hasEntity()) {
      return;
    }
    try (InputStream in = request.getEntityStream()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        tooLarge(request, limit);
        return;
      }
      request.setEntityStream(new ByteArrayInputStream(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void tooLarge(ContainerRequestContext request, int limit) {
    drain(request);
    request.abortWith(
        Response.fromResponse(
                Problem.response(
                    ErrorCode.MESSAGE_TOO_LARGE, "the body must be at most " + limit + " bytes"))
            .header("Connection", "close")
            .build());
  }

  /**
   * Reads and drops what is left of a refused request's body, at most twice {@code
   * WS_MAX_MESSAGE_SIZE}: many HTTP/1.1 clients read no answer before they have sent the whole
   * body, so a server that stops reading leaves them waiting. Beyond that bound the answer goes out
   * anyway and the connection is closed.
   */
  private void drain(ContainerRequestContext request) {
    long left = 2L * config.settings().maxMessageSize();
    try (InputStream in = request.getEntityStream()) {
      byte[] buffer = new byte[8192];
      int read;
      while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= read;
      }
    } catch (IOException e) {
      LOG.fine(() -> "refused request body not drained: " + e);
    }
  }

  private ApiSettings api() {
    return config.settings().api();
  }

  private static boolean isBearer(String header) {
    return header.length() > BEARER.length()
        && header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER);
  }

  private void refuse(
      ContainerRequestContext request, ErrorCode code, String detail, String logged) {
    drain(request);
    LOG.info(
        () ->
            "api call refused: "
                + request.getMethod()
                + " /api/"
                + request.getUriInfo().getPath().replaceFirst("^/", "")
                + " status="
                + Problem.status(code)
                + " "
                + logged);
    Response response = Problem.response(code, detail);
    if (response.getStatus() == 401) {
      response =
          Response.fromResponse(response)
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"switchboard-api\"")
              .build();
    }
    request.abortWith(response);
  }

  /** A refused request: its code, what the caller is told, and what is logged. */
  private static final class Refusal extends RuntimeException {
    private final ErrorCode code;
    private final String logged;

    Refusal(ErrorCode code, String detail, String logged) {
      super(detail, null, false, false);
      this.code = code;
      this.logged = logged;
    }
  }
}
