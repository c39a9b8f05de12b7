package io.switchboard.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the token on an upgrade request. Explicit carriers, because browsers cannot set headers on
 * a WebSocket: the {@code Authorization: Bearer} header, the query parameters named by {@code
 * WS_TOKEN_QUERY_PARAMS} (default {@code access_token}), and a {@code bearer.<token>} entry among
 * the offered subprotocols. A request carrying more than one explicit token is refused rather than
 * guessed about. The cookie named by {@code WS_AUTH_COOKIE}, when set, is the ambient carrier: a
 * browser sends it with every request, so it is read only when no explicit carrier has a token.
 */
final class BearerTokens {

  static final String SUBPROTOCOL_PREFIX = "bearer.";

  /** The carriers of a deployment that has not configured any: the three explicit ones. */
  static final BearerTokens DEFAULT = new BearerTokens(List.of("access_token"), "");

  private final List<String> queryParameters;
  private final String cookie;

  /**
   * @param queryParameters the query parameter names that carry a token
   * @param cookie the cookie that carries a token; empty for none
   */
  BearerTokens(List<String> queryParameters, String cookie) {
    this.queryParameters = List.copyOf(queryParameters);
    this.cookie = cookie;
  }

  /** The request's one token, or empty when it carries none. */
  Optional<String> find(Map<String, List<String>> headers, Map<String, List<String>> parameters)
      throws TokenRejectedException {
    List<String> found = new ArrayList<>();
    for (String value : header(headers, "Authorization")) {
      String trimmed = value.trim();
      if (trimmed.regionMatches(true, 0, "Bearer", 0, 6)
          && (trimmed.length() == 6 || trimmed.charAt(6) == ' ')) {
        found.add(trimmed.substring(6).trim());
      }
    }
    for (String name : queryParameters) {
      found.addAll(parameters.getOrDefault(name, List.of()));
    }
    for (String value : header(headers, "Sec-WebSocket-Protocol")) {
      for (String protocol : value.split(",")) {
        String trimmed = protocol.trim();
        if (trimmed.startsWith(SUBPROTOCOL_PREFIX)) {
          found.add(trimmed.substring(SUBPROTOCOL_PREFIX.length()));
        }
      }
    }
    if (found.isEmpty() && !cookie.isEmpty()) {
      found.addAll(cookies(headers, cookie));
    }
    if (found.size() > 1) {
      throw new TokenRejectedException(
          Rejection.AMBIGUOUS_TOKEN, found.size() + " tokens on one request");
    }
    if (found.size() == 1 && found.get(0).isEmpty()) {
      throw new TokenRejectedException(Rejection.MALFORMED_TOKEN, "empty token");
    }
    return found.stream().findFirst();
  }

  /** The values of the cookies named {@code name} in the request's {@code Cookie} headers. */
  static List<String> cookies(Map<String, List<String>> headers, String name) {
    List<String> values = new ArrayList<>();
    for (String header : header(headers, "Cookie")) {
      for (String pair : header.split(";")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
          String value = pair.substring(equals + 1).trim();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          values.add(value);
        }
      }
    }
    return values;
  }

  /** Header values by case-insensitive name: containers differ in how they key the map. */
  static List<String> header(Map<String, List<String>> headers, String name) {
    List<String> values = new ArrayList<>();
    headers.forEach(
        (key, list) -> {
          if (key != null && key.equalsIgnoreCase(name) && list != null) {
            values.addAll(list);
          }
        });
    return values;
  }
}
