package io.switchboard.admin;

import io.switchboard.api.ApiPaths;
import io.switchboard.auth.Authenticator;
import io.switchboard.auth.Caller;
import io.switchboard.auth.TokenRejectedException;
import io.switchboard.protocol.Json;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Guards every path of the {@code /api} application except the server API's ({@code /api/v1}, which
 * {@link io.switchboard.api.ApiGate} guards): so the admin resources, and any path that is not
 * clearly the server API's, need an administrator. Lets in only callers whose token the hub
 * verifies (the same {@link Authenticator} as the WebSocket handshake, so the rules are identical
 * on every server) and whose {@code groups} contain {@value #ADMIN_GROUP}. It runs before resource
 * matching, so an anonymous or non-admin caller cannot even learn which paths exist: no or a bad
 * token gets 401, a good token without the group 403, both with a fixed body. Every request that
 * gets in is logged with the caller's user id.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AdminGate implements ContainerRequestFilter, ContainerResponseFilter {

  /** The group a token must carry to use the admin API. */
  public static final String ADMIN_GROUP = "admin";

  private static final Logger LOG = Logger.getLogger(AdminGate.class.getName());
  private static final String BEARER = "bearer ";

  @Inject Authenticator authenticator;

  @Override
  public void filter(ContainerRequestContext request) {
    if (ApiPaths.isServerApi(request.getUriInfo().getPath())) {
      return;
    }
    List<String> headers = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (headers == null || headers.size() != 1 || !isBearer(headers.get(0))) {
      refuse(request, Response.Status.UNAUTHORIZED, "no bearer token");
      return;
    }
    Caller caller;
    try {
      caller = authenticator.verify(headers.get(0).substring(BEARER.length()).trim());
    } catch (TokenRejectedException e) {
      refuse(request, Response.Status.UNAUTHORIZED, e.rejection().reason());
      return;
    }
    if (!caller.inAnyGroup(List.of(ADMIN_GROUP))) {
      refuse(request, Response.Status.FORBIDDEN, "user=" + caller.userId() + " not in admin");
      return;
    }
    request.setSecurityContext(new Admin(caller.userId(), request.getSecurityContext().isSecure()));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getSecurityContext() instanceof Admin admin) {
      LOG.info(
          () ->
              "admin request: user="
                  + admin.getUserPrincipal().getName()
                  + " "
                  + request.getMethod()
                  + " /"
                  + request.getUriInfo().getPath().replaceFirst("^/", "")
                  + " status="
                  + response.getStatus());
    }
  }

  private static boolean isBearer(String header) {
    return header.length() > BEARER.length()
        && header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER);
  }

  private static void refuse(
      ContainerRequestContext request, Response.Status status, String logged) {
    LOG.info(
        () ->
            "admin request refused: "
                + request.getMethod()
                + " status="
                + status.getStatusCode()
                + " "
                + logged);
    Response.ResponseBuilder response =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(
                Json.PROVIDER
                    .createObjectBuilder()
                    .add("error", status.getReasonPhrase().toLowerCase(Locale.ROOT))
                    .build()
                    .toString());
    if (status == Response.Status.UNAUTHORIZED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"switchboard-admin\"");
    }
    request.abortWith(response.build());
  }

  /** The verified administrator behind a request. */
  record Admin(String userId, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return () -> userId;
    }

    @Override
    public boolean isUserInRole(String role) {
      return ADMIN_GROUP.equals(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
