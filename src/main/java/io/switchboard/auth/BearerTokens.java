package io.switchboard.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the token on an upgrade request. Three carriers, because browsers cannot set headers on a
 * WebSocket: the {@code Authorization: Bearer} header, the {@code access_token} query parameter,
 * and a {@code bearer.<token>} entry among the offered subprotocols. A request carrying more than
 * one token is refused rather than guessed about.
 */
final class BearerTokens {

  static final String QUERY_PARAMETER = "access_token";
  static final String SUBPROTOCOL_PREFIX = "bearer.";

  private BearerTokens() {}

  /** The request's one token, or empty when it carries none. */
  static Optional<String> find(
      Map<String, List<String>> headers, Map<String, List<String>> parameters)
      throws TokenRejectedException {
    List<String> found = new ArrayList<>();
    for (String value : header(headers, "Authorization")) {
      String trimmed = value.trim();
      if (trimmed.regionMatches(true, 0, "Bearer", 0, 6)
          && (trimmed.length() == 6 || trimmed.charAt(6) == ' ')) {
        found.add(trimmed.substring(6).trim());
      }
    }
    found.addAll(parameters.getOrDefault(QUERY_PARAMETER, List.of()));
    for (String value : header(headers, "Sec-WebSocket-Protocol")) {
      for (String protocol : value.split(",")) {
        String trimmed = protocol.trim();
        if (trimmed.startsWith(SUBPROTOCOL_PREFIX)) {
          found.add(trimmed.substring(SUBPROTOCOL_PREFIX.length()));
        }
      }
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
