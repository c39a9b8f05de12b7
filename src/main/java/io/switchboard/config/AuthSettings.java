package io.switchboard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who may connect and from where: the validated authentication settings. The room and message rules
 * are kept as text here and parsed, also at startup, by the access package that applies them.
 *
 * @param allowedOrigins normalized {@code scheme://host[:port]} origins (lower case, default port
 *     dropped), compared exactly; empty means same origin only
 * @param tokenQueryParams the query parameters that carry a token
 * @param authCookie the cookie that carries a token; empty when cookies are not read
 * @param firstMessageAuth whether a connection without a token may authenticate with its first
 *     frame
 * @param authTimeout how long such a connection has to send it
 * @param jwks how a key set at an http(s) location is fetched
 */
public record AuthSettings(
    AuthMode mode,
    List<String> allowedOrigins,
    boolean allowMissingOrigin,
    String roomRules,
    String guestRooms,
    String messageRules,
    Duration expiryWarning,
    int maxTokenSize,
    boolean devTokens,
    JwtSettings jwt,
    List<String> tokenQueryParams,
    String authCookie,
    boolean firstMessageAuth,
    Duration authTimeout,
    JwksSettings jwks) {

  private static final String QUERY_NAME = "[A-Za-z0-9_.~-]+";
  private static final String COOKIE_NAME = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";

  static AuthSettings read(
      Map<TextSetting, String> text, Map<Setting, Integer> numbers, List<String> violations) {
    AuthMode mode = AuthMode.REQUIRED;
    String rawMode = text.get(TextSetting.WS_AUTH_MODE);
    Optional<AuthMode> parsed = AuthMode.parse(rawMode);
    if (parsed.isPresent()) {
      mode = parsed.get();
    } else {
      violations.add("WS_AUTH_MODE must be required, optional or disabled (was '" + rawMode + "')");
    }
    List<String> origins = new ArrayList<>();
    for (String entry : list(text.get(TextSetting.WS_ALLOWED_ORIGINS))) {
      Optional<String> origin = normalizeOrigin(entry);
      if (origin.isPresent()) {
        origins.add(origin.get());
      } else {
        violations.add(
            "WS_ALLOWED_ORIGINS entries must be exact origins such as https://app.example.com or"
                + " http://localhost:8080, without path or wildcard (was '"
                + entry
                + "')");
      }
    }
    String algorithm = text.get(TextSetting.MP_JWT_VERIFY_PUBLICKEY_ALGORITHM).trim();
    if (!JwtSettings.ALGORITHMS.contains(algorithm)) {
      violations.add(
          "mp.jwt.verify.publickey.algorithm must be one of "
              + JwtSettings.ALGORITHMS
              + " (was '"
              + algorithm
              + "')");
    }
    JwtSettings jwt =
        new JwtSettings(
            text.get(TextSetting.MP_JWT_VERIFY_PUBLICKEY).trim(),
            text.get(TextSetting.MP_JWT_VERIFY_PUBLICKEY_LOCATION).trim(),
            algorithm,
            text.get(TextSetting.MP_JWT_VERIFY_ISSUER).trim(),
            list(text.get(TextSetting.MP_JWT_VERIFY_AUDIENCES)),
            Duration.ofSeconds(numbers.get(Setting.MP_JWT_VERIFY_CLOCK_SKEW)),
            text.get(TextSetting.WS_JWT_SECRET),
            secretAlgorithm(text, violations));
    if (jwt.hasSecret()) {
      int bytes = jwt.secret().getBytes(StandardCharsets.UTF_8).length;
      int needed = JwtSettings.HMAC_ALGORITHMS.getOrDefault(jwt.secretAlgorithm(), 0);
      if (bytes < needed) {
        violations.add(
            "WS_JWT_SECRET must have at least "
                + needed
                + " bytes for "
                + jwt.secretAlgorithm()
                + " (it has "
                + bytes
                + "); a shorter HMAC secret can be brute-forced");
      }
    }
    if (jwt.keysFromUrl()) {
      try {
        java.net.URI.create(jwt.publicKeyLocation()).toURL();
      } catch (IllegalArgumentException | java.net.MalformedURLException e) {
        violations.add(
            "mp.jwt.verify.publickey.location is not a valid URL (was '"
                + jwt.publicKeyLocation()
                + "')");
      }
    }
    if (!jwt.publicKey().isEmpty() && !jwt.publicKeyLocation().isEmpty()) {
      violations.add(
          "set one of mp.jwt.verify.publickey and mp.jwt.verify.publickey.location, not both");
    }
    boolean devTokens = bool(text, TextSetting.WS_DEV_TOKENS, violations);
    List<String> queryParams = list(text.get(TextSetting.WS_TOKEN_QUERY_PARAMS));
    for (String name : queryParams) {
      if (!name.matches(QUERY_NAME)) {
        violations.add(
            "WS_TOKEN_QUERY_PARAMS entries must be plain parameter names (was '" + name + "')");
      }
    }
    String cookie = text.get(TextSetting.WS_AUTH_COOKIE).trim();
    if (!cookie.isEmpty() && !cookie.matches(COOKIE_NAME)) {
      violations.add("WS_AUTH_COOKIE must be a cookie name (was '" + cookie + "')");
    }
    if (!cookie.isEmpty() && origins.isEmpty()) {
      violations.add(
          "WS_AUTH_COOKIE needs WS_ALLOWED_ORIGINS: a browser sends the cookie from any page, so"
              + " only an Origin allow-list keeps other sites from opening connections as its user"
              + " (cross-site WebSocket hijacking)");
    }
    boolean firstMessage = bool(text, TextSetting.WS_FIRST_MESSAGE_AUTH, violations);
    if (firstMessage && mode != AuthMode.REQUIRED) {
      violations.add(
          "WS_FIRST_MESSAGE_AUTH=true needs WS_AUTH_MODE=required (in "
              + mode.wireName()
              + " mode a connection without a token is a guest)");
    }
    return new AuthSettings(
        mode,
        List.copyOf(origins),
        bool(text, TextSetting.WS_ALLOW_MISSING_ORIGIN, violations),
        text.get(TextSetting.WS_ROOM_RULES).trim(),
        text.get(TextSetting.WS_GUEST_ROOMS).trim(),
        text.get(TextSetting.WS_MESSAGE_RULES).trim(),
        Duration.ofSeconds(numbers.get(Setting.WS_AUTH_EXPIRY_WARNING)),
        numbers.get(Setting.WS_MAX_TOKEN_SIZE),
        devTokens,
        jwt,
        queryParams,
        cookie,
        firstMessage,
        Duration.ofSeconds(numbers.get(Setting.WS_AUTH_TIMEOUT)),
        new JwksSettings(
            Duration.ofSeconds(numbers.get(Setting.WS_JWKS_REFRESH)),
            Duration.ofSeconds(numbers.get(Setting.WS_JWKS_MIN_REFETCH)),
            Duration.ofSeconds(numbers.get(Setting.WS_JWKS_TIMEOUT)),
            numbers.get(Setting.WS_JWKS_MAX_KEYS)));
  }

  private static String secretAlgorithm(Map<TextSetting, String> text, List<String> violations) {
    String algorithm = text.get(TextSetting.WS_JWT_SECRET_ALGORITHM).trim();
    if (!JwtSettings.HMAC_ALGORITHMS.containsKey(algorithm)) {
      violations.add(
          "WS_JWT_SECRET_ALGORITHM must be HS256, HS384 or HS512 (was '" + algorithm + "')");
    }
    return algorithm;
  }

  /**
   * The origin as browsers serialize it ({@code scheme://host[:port]}, lower case, no default
   * port), or empty when {@code value} is not exactly an http(s) origin.
   */
  public static Optional<String> normalizeOrigin(String value) {
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean bare =
          uri.getHost() != null
              && uri.getRawUserInfo() == null
              && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null;
      if (!bare || !(scheme.equals("http") || scheme.equals("https"))) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (scheme.equals("http") && port == 80)
              || (scheme.equals("https") && port == 443);
      return Optional.of(
          scheme
              + "://"
              + uri.getHost().toLowerCase(Locale.ROOT)
              + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static boolean bool(
      Map<TextSetting, String> text, TextSetting setting, List<String> violations) {
    String value = text.get(setting).trim();
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      violations.add(setting + " must be true or false (was '" + value + "')");
    }
    return value.equalsIgnoreCase("true");
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
