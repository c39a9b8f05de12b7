package io.switchboard.support;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a test client opens its connection: which token, on which carrier, with which Origin and
 * subprotocols. The default is what the suite's server expects from a well-behaved backend: a fresh
 * valid token (group {@code user}) in the {@code Authorization} header, no Origin, pings answered.
 */
public final class Handshake {

  /** Where the token travels. */
  public enum Carrier {
    HEADER,
    QUERY,
    SUBPROTOCOL,
    /** The cookie named by {@link #cookieName} (the server's {@code WS_AUTH_COOKIE}). */
    COOKIE
  }

  String token = Tokens.forUser(Tokens.uniqueUser()).groups("user").sign();
  Carrier carrier = Carrier.HEADER;
  String origin;
  List<String> subprotocols = new ArrayList<>();
  boolean answerPings = true;
  String queryParameter = "access_token";
  String cookieName = "session_id";
  String path = "";

  public static Handshake withToken(String token) {
    return new Handshake().token(token);
  }

  public static Handshake anonymous() {
    return new Handshake().token(null);
  }

  /** The token to present, or null for none. */
  public Handshake token(String token) {
    this.token = token;
    return this;
  }

  public Handshake via(Carrier carrier) {
    this.carrier = carrier;
    return this;
  }

  /** The Origin header to send; null sends none (a non-browser client). */
  public Handshake origin(String origin) {
    this.origin = origin;
    return this;
  }

  public Handshake subprotocols(String... protocols) {
    subprotocols = new ArrayList<>(List.of(protocols));
    return this;
  }

  /** The query parameter that carries the token on {@link Carrier#QUERY}. */
  public Handshake queryParameter(String name) {
    this.queryParameter = name;
    return this;
  }

  /** The cookie that carries the token on {@link Carrier#COOKIE}. */
  public Handshake cookieName(String name) {
    this.cookieName = name;
    return this;
  }

  /** A path under the endpoint given to connect, for example {@code /rooms/lobby}. */
  public Handshake path(String path) {
    this.path = path;
    return this;
  }

  public Handshake silent() {
    answerPings = false;
    return this;
  }

  URI uri(URI base) {
    String target = base + path;
    return token != null && carrier == Carrier.QUERY
        ? URI.create(
            target + "?" + queryParameter + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
        : URI.create(target);
  }

  String cookie() {
    return token != null && carrier == Carrier.COOKIE ? cookieName + "=" + token : null;
  }

  List<String> offeredSubprotocols() {
    List<String> offered = new ArrayList<>(subprotocols);
    if (token != null && carrier == Carrier.SUBPROTOCOL) {
      if (offered.isEmpty()) {
        offered.add("switchboard.v1");
      }
      offered.add("bearer." + token);
    }
    return offered;
  }

  String authorization() {
    return token != null && carrier == Carrier.HEADER ? "Bearer " + token : null;
  }

  @Override
  public String toString() {
    return "Handshake["
        + carrier
        + (token == null ? ", no token" : "")
        + ", origin="
        + origin
        + "]";
  }
}
