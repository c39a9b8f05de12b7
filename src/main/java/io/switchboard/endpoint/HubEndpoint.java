package io.switchboard.endpoint;

import io.switchboard.auth.JwtHandshakeConfigurator;
import io.switchboard.protocol.EnvelopeEncoder;
import io.switchboard.protocol.Inbound;
import io.switchboard.protocol.InboundDecoder;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/**
 * The hub's WebSocket endpoint at {@code /ws}. Lifecycle only: everything is delegated to {@link
 * ConnectionLifecycle}, which {@link RoomEndpoint} shares. The upgrade request is authenticated by
 * {@link JwtHandshakeConfigurator}.
 *
 * <p>{@code @Dependent} is a bean-defining annotation: without one, Open Liberty does not inject
 * into endpoints of a WAR with annotated bean discovery.
 */
@Dependent
@ServerEndpoint(
    value = "/ws",
    subprotocols = JwtHandshakeConfigurator.SUBPROTOCOL,
    configurator = JwtHandshakeConfigurator.class,
    decoders = InboundDecoder.class,
    encoders = EnvelopeEncoder.class)
public class HubEndpoint {

  @Inject ConnectionLifecycle lifecycle;

  @OnOpen
  public void onOpen(Session session) {
    lifecycle.open(session);
  }

  @OnMessage
  public void onText(Session session, Inbound inbound) {
    lifecycle.received(session, inbound);
  }

  @OnMessage
  public void onBinary(Session session, ByteBuffer data) {
    lifecycle.receivedBinary(session, data.remaining());
  }

  @OnClose
  public void onClose(Session session, CloseReason reason) {
    lifecycle.closed(session, reason);
  }

  @OnError
  public void onError(Session session, Throwable error) {
    lifecycle.failed(session, error);
  }
}
