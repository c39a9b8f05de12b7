package io.switchboard.api;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The verified service behind a server API request: an API key's name, or the user of a token in
 * the publisher group. Its name is the {@code sender_id} of what it publishes.
 */
record ServiceCaller(String name, String scheme, boolean secure) implements SecurityContext {

  static final String ROLE = "service";

  @Override
  public Principal getUserPrincipal() {
    return () -> name;
  }

  @Override
  public boolean isUserInRole(String role) {
    return ROLE.equals(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return scheme;
  }
}
