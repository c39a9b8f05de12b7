package io.switchboard.auth;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Authenticates the upgrade request of {@code /ws}, the same way on every server.
 *
 * <p>{@link #checkOrigin} applies the Origin allow-list; the specification has the container refuse
 * the handshake (403) when it returns false. {@link #modifyHandshake} records the {@link Admission}
 * in the user properties, a per-connection copy, for {@code @OnOpen}: a refused connection is
 * closed there with 1008 before it is registered and before any frame is read.
 *
 * <p>The container creates this class itself, so it is not a CDI bean: beans are looked up through
 * {@link CDI#current()}. It never overrides {@code getEndpointInstance}, which would bypass CDI for
 * the endpoint.
 */
public class JwtHandshakeConfigurator extends ServerEndpointConfig.Configurator {

  /** The protocol name a client may offer; the only subprotocol the server ever answers with. */
  public static final String SUBPROTOCOL = "switchboard.v1";

  /** User property: {@link System#nanoTime()} when the handshake reached the hub, for metrics. */
  public static final String STARTED = "io.switchboard.handshake.started";

  private volatile Authenticator authenticator;

  @Override
  public boolean checkOrigin(String originHeaderValue) {
    return authenticator().originAllowed(originHeaderValue);
  }

  /**
   * Answers {@value #SUBPROTOCOL} when offered, else nothing. A {@code bearer.<token>} entry is
   * never chosen, so a token offered as a subprotocol is never echoed in the response.
   */
  @Override
  public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
    return requested.contains(SUBPROTOCOL) ? SUBPROTOCOL : "";
  }

  @Override
  public void modifyHandshake(
      ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
    sec.getUserProperties().put(STARTED, System.nanoTime());
    sec.getUserProperties()
        .put(Admission.KEY, authenticator().admit(request.getHeaders(), request.getParameterMap()));
  }

  /**
   * The application-scoped authenticator's client proxy, looked up once: {@code CDI.current()}
   * walks the caller's stack on some servers, and this runs twice per handshake. The container
   * creates one configurator per deployed endpoint, so the proxy never outlives its application.
   */
  private Authenticator authenticator() {
    Authenticator found = authenticator;
    if (found == null) {
      found = CDI.current().select(Authenticator.class).get();
      authenticator = found;
    }
    return found;
  }
}
