package io.switchboard.auth;

import io.switchboard.config.AuthMode;
import io.switchboard.config.AuthSettings;
import io.switchboard.config.HubConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides who may open a connection: the Origin rule, then, by {@code WS_AUTH_MODE}, the token. The
 * keys are loaded when the application starts, so a missing or unfit key fails the deployment (in
 * {@code required} mode a hub without a key could admit nobody). Refusals are logged with their
 * reason and at most the key id and subject; never a token.
 */
@ApplicationScoped
public class Authenticator {

  private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());

  @Inject HubConfig config;
  @Inject Instance<KeySource> keySources;
  @Inject PublishedKeys published;

  private AuthMode mode;
  private OriginPolicy origins;
  private TokenVerifier verifier;
  private BearerTokens carriers;
  private boolean firstMessage;

  @PostConstruct
  void init() {
    AuthSettings auth = config.settings().auth();
    List<VerificationKey> keys = new ArrayList<>();
    if (auth.jwt().keysFromUrl()) {
      published.start(auth.jwt().publicKeyLocation(), auth.jwt().algorithm(), auth.jwks());
    } else if (auth.jwt().hasKey()) {
      String text =
          auth.jwt().publicKey().isEmpty()
              ? VerificationKeys.read(
                  auth.jwt().publicKeyLocation(), Authenticator.class.getClassLoader())
              : auth.jwt().publicKey();
      keys.addAll(VerificationKeys.parse(text, auth.jwt().algorithm()));
    }
    if (auth.jwt().hasSecret()) {
      keys.add(VerificationKeys.secret(auth.jwt().secret(), auth.jwt().secretAlgorithm()));
    }
    keySources.forEach(source -> source.verificationKey().ifPresent(keys::add));
    mode = auth.mode();
    if (mode == AuthMode.REQUIRED && keys.isEmpty() && !auth.jwt().keysFromUrl()) {
      throw new IllegalStateException(
          "Invalid Switchboard configuration: WS_AUTH_MODE is required (the default) but no"
              + " verification key is configured: set mp.jwt.verify.publickey or"
              + " mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY,"
              + " MP_JWT_VERIFY_PUBLICKEY_LOCATION), or WS_JWT_SECRET, or WS_AUTH_MODE to"
              + " optional or disabled");
    }
    origins = new OriginPolicy(auth.allowedOrigins(), auth.allowMissingOrigin());
    carriers = new BearerTokens(auth.tokenQueryParams(), auth.authCookie());
    firstMessage = auth.firstMessageAuth();
    List<VerificationKey> fixed = List.copyOf(keys);
    verifier =
        auth.jwt().keysFromUrl()
            ? new TokenVerifier(
                () -> concat(fixed, published.keys()),
                auth.jwt(),
                auth.maxTokenSize(),
                Clock.systemUTC())
            : new TokenVerifier(fixed, auth.jwt(), auth.maxTokenSize(), Clock.systemUTC());
    announce(auth, keys);
  }

  void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // Observing creates the bean, which loads the keys.
  }

  /** The part of the Origin rule the container can apply before the upgrade. */
  public boolean originAllowed(String origin) {
    return origins.admits(origin);
  }

  /** The verdict on an upgrade request, from its headers and query parameters. */
  public Admission admit(Map<String, List<String>> headers, Map<String, List<String>> parameters) {
    String origin = first(headers, "Origin");
    if (!origins.admits(origin, first(headers, "Host"))) {
      LOG.info(
          () ->
              "handshake refused: "
                  + Rejection.ORIGIN_NOT_ALLOWED.reason()
                  + " origin="
                  + TokenVerifier.loggable(origin));
      return new Admission.Refused(Rejection.ORIGIN_NOT_ALLOWED);
    }
    if (mode == AuthMode.DISABLED) {
      return new Admission.Admitted(Caller.guest());
    }
    try {
      Optional<String> token = carriers.find(headers, parameters);
      if (token.isEmpty()) {
        if (mode == AuthMode.OPTIONAL) {
          return new Admission.Admitted(Caller.guest());
        }
        if (firstMessage) {
          return new Admission.Pending();
        }
        throw new TokenRejectedException(Rejection.MISSING_TOKEN, "no token");
      }
      return new Admission.Admitted(verify(token.get()));
    } catch (TokenRejectedException e) {
      LOG.info(() -> "handshake refused: " + e.rejection().reason() + " " + e.logDetail());
      return new Admission.Refused(e.rejection());
    }
  }

  /**
   * Verifies a token presented on a live connection ({@code auth} under first-message
   * authentication, {@code auth.refresh}).
   */
  public Caller verify(String token) throws TokenRejectedException {
    try {
      return verifier.verify(token);
    } catch (TokenRejectedException e) {
      if (e.rejection() == Rejection.UNKNOWN_KEY) {
        published.unknownKey();
      }
      throw e;
    }
  }

  private static List<VerificationKey> concat(
      List<VerificationKey> fixed, List<VerificationKey> fetched) {
    if (fixed.isEmpty()) {
      return fetched;
    }
    List<VerificationKey> all = new ArrayList<>(fixed);
    all.addAll(fetched);
    return all;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    return BearerTokens.header(headers, name).stream().findFirst().orElse(null);
  }

  private void announce(AuthSettings auth, List<VerificationKey> keys) {
    LOG.info(
        () ->
            "Switchboard authentication: mode="
                + mode.wireName()
                + " algorithm="
                + auth.jwt().algorithm()
                + (auth.jwt().keysFromUrl()
                    ? " key set="
                        + auth.jwt().publicKeyLocation()
                        + " ("
                        + published.keys().size()
                        + " keys)"
                    : "")
                + " keys="
                + keys.stream()
                    .map(k -> (k.keyId() == null ? "(no kid)" : k.keyId()) + "/" + k.algorithm())
                    .toList()
                + " issuer="
                + (auth.jwt().issuer().isEmpty() ? "(any)" : auth.jwt().issuer())
                + " audiences="
                + auth.jwt().audiences()
                + " origins="
                + (auth.allowedOrigins().isEmpty() ? "(same origin)" : auth.allowedOrigins())
                + " missing origin "
                + (auth.allowMissingOrigin() ? "allowed" : "refused")
                + " query parameters="
                + auth.tokenQueryParams()
                + " cookie="
                + (auth.authCookie().isEmpty() ? "(off)" : auth.authCookie())
                + " first message auth="
                + (auth.firstMessageAuth()
                    ? "within " + auth.authTimeout().toSeconds() + " s"
                    : "off"));
    switch (mode) {
      case OPTIONAL ->
          LOG.warning(
              "WS_AUTH_MODE=optional: connections without a token are admitted as guests. Use"
                  + " required in a deployment.");
      case DISABLED ->
          LOG.warning(
              "WS_AUTH_MODE=disabled: tokens are ignored and everyone is a guest. Use required in"
                  + " a deployment.");
      case REQUIRED -> {}
    }
    if (auth.jwt().keysFromUrl() && published.keys().isEmpty()) {
      LOG.severe(
          "No key could be fetched from "
              + auth.jwt().publicKeyLocation()
              + ": every token is refused, and readiness is down, until a fetch succeeds.");
    }
    if (mode == AuthMode.OPTIONAL && keys.isEmpty() && !auth.jwt().keysFromUrl()) {
      LOG.warning("No verification key is configured: every token will be refused.");
    }
  }
}
