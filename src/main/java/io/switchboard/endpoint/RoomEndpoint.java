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
 * {@code /ws/rooms/{room_id}}: a connection that opens already in the room its path names, for
 * clients written against one-endpoint-per-room servers. Everything else is {@code /ws}'s: the same
 * handshake, protocol, rules and {@link ConnectionLifecycle}, which reads the {@code room_id} path
 * parameter and joins it as a {@code room.join} frame would (a refused room closes with 4007 before
 * the greeting).
 */
@Dependent
@ServerEndpoint(
    value = "/ws/rooms/{" + ConnectionLifecycle.ROOM_ID + "}",
    subprotocols = JwtHandshakeConfigurator.SUBPROTOCOL,
    configurator = JwtHandshakeConfigurator.class,
    decoders = InboundDecoder.class,
    encoders = EnvelopeEncoder.class)
public class RoomEndpoint {

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
