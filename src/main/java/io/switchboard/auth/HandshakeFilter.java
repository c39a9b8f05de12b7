package io.switchboard.auth;

import io.switchboard.metrics.HubMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a bad upgrade request with HTTP 401 (token) or 403 (Origin) before the upgrade, where the
 * server runs application filters ahead of its WebSocket upgrade. The Jakarta WebSocket API has no
 * way to set the handshake's status, so this is the one portable place to do it. It applies the
 * same {@link Authenticator#admit} as {@link JwtHandshakeConfigurator}, which stays the authority:
 * on a server that upgrades before filters run, the configurator's verdict closes the connection
 * with 1008 instead.
 */
@WebFilter(
    urlPatterns = {"/ws", "/ws/rooms/*"},
    asyncSupported = true)
public class HandshakeFilter extends HttpFilter {

  @Inject Authenticator authenticator;
  @Inject HubMetrics metrics;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      chain.doFilter(request, response);
      return;
    }
    Admission admission = authenticator.admit(headers(request), parameters(request));
    if (admission instanceof Admission.Refused refused) {
      Rejection rejection = refused.rejection();
      metrics.authFailure(rejection);
      if (rejection.httpStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
        response.setHeader(
            "WWW-Authenticate",
            rejection == Rejection.MISSING_TOKEN
                ? "Bearer realm=\"switchboard\""
                : "Bearer realm=\"switchboard\", error=\"invalid_token\", error_description=\""
                    + rejection.reason()
                    + "\"");
      }
      response.sendError(rejection.httpStatus(), rejection.reason());
      return;
    }
    chain.doFilter(request, response);
  }

  private static Map<String, List<String>> parameters(HttpServletRequest request) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
    return parameters;
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    return headers;
  }
}
