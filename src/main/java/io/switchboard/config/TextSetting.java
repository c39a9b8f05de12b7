package io.switchboard.config;

/**
 * Every setting whose value is text: modes, lists, rules and the MicroProfile JWT verification
 * settings. The {@code mp.jwt.*} ones keep their MicroProfile names (and so their environment
 * variable forms, such as {@code MP_JWT_VERIFY_PUBLICKEY}): one configuration serves the hub and
 * the container's own MP-JWT.
 */
public enum TextSetting {
  WS_AUTH_MODE(
      "required",
      "required: a valid token is needed; optional: no token means a guest; disabled: everyone is"
          + " a guest."),
  WS_ALLOWED_ORIGINS(
      "",
      "Comma list of exact browser origins (scheme://host[:port]); empty means same origin only."),
  WS_ALLOW_MISSING_ORIGIN(
      "true", "Whether a handshake without Origin (a non-browser client) is accepted."),
  WS_TOKEN_QUERY_PARAMS(
      "access_token",
      "Comma list of query parameter names that carry a token (for example access_token,token)."),
  WS_AUTH_COOKIE(
      "",
      "Name of a cookie that carries a token; empty: cookies are not read. Needs WS_ALLOWED_ORIGINS."),
  WS_FIRST_MESSAGE_AUTH(
      "false",
      "true: a connection without a token is admitted unauthenticated and must send an auth frame"
          + " within WS_AUTH_TIMEOUT seconds."),
  WS_ROOM_RULES("", "Who may join and publish in which rooms; see docs/configuration.md."),
  WS_GUEST_ROOMS("*", "Comma list of room patterns a guest may join and publish in."),
  WS_MESSAGE_RULES("", "Which groups may send which message types; see docs/configuration.md."),
  WS_DEV_TOKENS(
      "false",
      "Development only: serves /dev/token (loopback callers) signing with a key made at startup."),
  WS_CLUSTER(
      "local",
      "local: this node alone holds room streams and fan-out; redis: nodes share them through"
          + " WS_REDIS_URL."),
  WS_REDIS_URL(
      "",
      "The Redis server of a cluster: redis://[[user]:password@]host[:port][/database], or"
          + " rediss:// for TLS. Required when WS_CLUSTER=redis."),
  WS_API_KEYS(
      "",
      "Server API keys: comma list of name:secret or name:sha256:<hex of the secret's SHA-256>;"
          + " empty means API keys are off."),
  WS_API_PUBLISHER_GROUP(
      "publisher", "A token whose groups contain this group may use the server API."),
  MP_JWT_VERIFY_PUBLICKEY(
      "mp.jwt.verify.publickey", "", "The verification key: PEM, a JWK or a JWK Set, as text."),
  MP_JWT_VERIFY_PUBLICKEY_LOCATION(
      "mp.jwt.verify.publickey.location",
      "",
      "Where the verification key is: a file path, file: URL or classpath: resource."),
  MP_JWT_VERIFY_PUBLICKEY_ALGORITHM(
      "mp.jwt.verify.publickey.algorithm",
      "RS256",
      "The one signature algorithm accepted: RS256 or ES256."),
  WS_JWT_SECRET(
      "",
      "Shared secret for HMAC-signed tokens (HS256/384/512); at least as many bytes as the hash."
          + " Empty: HMAC tokens are refused.",
      true),
  WS_JWT_SECRET_ALGORITHM(
      "HS256", "The one HMAC algorithm the shared secret verifies: HS256, HS384 or HS512."),
  MP_JWT_VERIFY_ISSUER("mp.jwt.verify.issuer", "", "Required iss claim; empty accepts any issuer."),
  MP_JWT_VERIFY_AUDIENCES(
      "mp.jwt.verify.audiences",
      "",
      "Comma list; a token's aud must name one of them. Empty: aud is not checked.");

  private final String key;
  private final String defaultValue;
  private final String meaning;
  private final boolean confidential;

  TextSetting(String defaultValue, String meaning) {
    this(null, defaultValue, meaning, false);
  }

  TextSetting(String defaultValue, String meaning, boolean confidential) {
    this(null, defaultValue, meaning, confidential);
  }

  TextSetting(String key, String defaultValue, String meaning) {
    this(key, defaultValue, meaning, false);
  }

  TextSetting(String key, String defaultValue, String meaning, boolean confidential) {
    this.key = key == null ? name() : key;
    this.defaultValue = defaultValue;
    this.meaning = meaning;
    this.confidential = confidential;
  }

  /** A value never shown: not in logs, not in the admin API. */
  public boolean confidential() {
    return confidential;
  }

  /** The value as the admin API shows it: never a secret, a password or a key. */
  public String shown(String value) {
    if (confidential) {
      return value.isEmpty() ? "" : "(set, not shown)";
    }
    return switch (this) {
      case WS_REDIS_URL -> ClusterSettings.redacted(value);
      case WS_API_KEYS -> ApiSettings.redacted(value);
      default -> value;
    };
  }

  /** The MicroProfile Config property name. */
  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String meaning() {
    return meaning;
  }

  @Override
  public String toString() {
    return key;
  }
}
