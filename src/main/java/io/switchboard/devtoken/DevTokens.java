package io.switchboard.devtoken;

import io.switchboard.auth.KeySource;
import io.switchboard.auth.VerificationKey;
import io.switchboard.config.AuthSettings;
import io.switchboard.config.HubConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Development tokens ({@code WS_DEV_TOKENS=true}): a key pair made at startup, kept in memory only,
 * which signs tokens for any user and groups and which the verifier then also accepts. Off unless
 * explicitly switched on; when on, every startup says so with a warning.
 */
@ApplicationScoped
public class DevTokens implements KeySource {

  private static final Logger LOG = Logger.getLogger(DevTokens.class.getName());
  static final String DEFAULT_ISSUER = "switchboard-dev";

  @Inject HubConfig config;

  private KeyPair keyPair;
  private String keyId;

  @PostConstruct
  void init() {
    AuthSettings auth = config.settings().auth();
    if (!auth.devTokens()) {
      return;
    }
    String algorithm = auth.jwt().algorithm();
    try {
      KeyPairGenerator generator;
      if (algorithm.startsWith("ES")) {
        generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else {
        generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
      }
      keyPair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the development key", e);
    }
    keyId = "dev-" + UUID.randomUUID();
    LOG.warning(
        "WS_DEV_TOKENS=true: GET /dev/token?user=<id>&groups=<a,b> mints "
            + algorithm
            + " tokens for anyone on this machine (loopback only), signed with a key made at"
            + " startup. Never switch this on in a deployment.");
  }

  public boolean enabled() {
    return keyPair != null;
  }

  /** The development key, for the verifier, when development tokens are on. */
  @Override
  public Optional<VerificationKey> verificationKey() {
    return enabled()
        ? Optional.of(
            new VerificationKey(
                keyId, keyPair.getPublic(), config.settings().auth().jwt().algorithm()))
        : Optional.empty();
  }

  /** A signed token for {@code user} in {@code groups}, valid for {@code lifetime}. */
  public String mint(String user, List<String> groups, Duration lifetime) {
    if (!enabled()) {
      throw new IllegalStateException("development tokens are off");
    }
    AuthSettings auth = config.settings().auth();
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(auth.jwt().issuer().isEmpty() ? DEFAULT_ISSUER : auth.jwt().issuer());
    if (!auth.jwt().audiences().isEmpty()) {
      claims.setAudience(auth.jwt().audiences().get(0));
    }
    claims.setSubject(user);
    claims.setClaim("upn", user);
    claims.setStringListClaim("groups", groups);
    claims.setGeneratedJwtId();
    Instant now = Instant.now();
    claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
    claims.setExpirationTime(NumericDate.fromMilliseconds(now.plus(lifetime).toEpochMilli()));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(keyPair.getPrivate());
    jws.setKeyIdHeaderValue(keyId);
    jws.setAlgorithmHeaderValue(auth.jwt().algorithm());
    jws.setHeader("typ", "JWT");
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign a development token", e);
    }
  }
}
