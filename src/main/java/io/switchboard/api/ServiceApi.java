package io.switchboard.api;

import jakarta.ws.rs.core.SecurityContext;

/** What every server API resource shares: the names of its security schemes and its caller. */
final class ServiceApi {

  /** The OpenAPI security scheme of {@code X-API-Key}. */
  static final String API_KEY = "apiKey";

  /** The OpenAPI security scheme of a bearer token (as the admin API's). */
  static final String BEARER = "bearer";

  private ServiceApi() {}

  /** The verified caller's name, set by {@link ApiGate}. */
  static String caller(SecurityContext security) {
    return security.getUserPrincipal().getName();
  }
}
