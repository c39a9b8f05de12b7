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
  WS_ROOM_RULES("", "Who may join and publish in which rooms; see docs/configuration.md."),
  WS_GUEST_ROOMS("*", "Comma list of room patterns a guest may join and publish in."),
  WS_MESSAGE_RULES("", "Which groups may send which message types; see docs/configuration.md."),
  WS_DEV_TOKENS(
      "false",
      "Development only: serves /dev/token (loopback callers) signing with a key made at startup."),
  WS_API_KEYS(
      "",
      "Server API keys: comma list of name:secret or name:sha256:<hex of the secret's SHA-256>;"
          + " empty means API keys are off."),
  WS_API_PUBLISHER_GROUP(
      "publisher", "A token whose groups contain this group may use the server API."),
  WS_NATS_URL(
      "",
      "NATS server URL(s), comma separated, such as nats://nats:4222; empty turns the bridge off."),
  WS_NATS_SUBJECT_PREFIX(
      "switchboard", "First subject tokens of every subject the NATS bridge reads or writes."),
  WS_NATS_STREAM(
      "SWITCHBOARD",
      "JetStream stream the bridge reads inbound messages from (created if absent)."),
  WS_NATS_CONSUMER(
      "switchboard", "Durable JetStream consumer the bridge reads with (created if absent)."),
  WS_APP_MESSAGE_PREFIX(
      "app.", "Client message types starting with this are app messages, forwarded to NATS."),
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
  MP_JWT_VERIFY_ISSUER("mp.jwt.verify.issuer", "", "Required iss claim; empty accepts any issuer."),
  MP_JWT_VERIFY_AUDIENCES(
      "mp.jwt.verify.audiences",
      "",
      "Comma list; a token's aud must name one of them. Empty: aud is not checked.");

  private final String key;
  private final String defaultValue;
  private final String meaning;

  TextSetting(String defaultValue, String meaning) {
    this(null, defaultValue, meaning);
  }

  TextSetting(String key, String defaultValue, String meaning) {
    this.key = key == null ? name() : key;
    this.defaultValue = defaultValue;
    this.meaning = meaning;
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
