package io.switchboard.command;

import io.switchboard.auth.Authenticator;
import io.switchboard.auth.Caller;
import io.switchboard.auth.TokenRejectedException;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.protocol.Payloads;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.registry.Connection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * {@code auth.refresh}: a live connection takes a new token, verified exactly like one at the
 * handshake, for the same user. Its groups then apply at once: rooms they no longer allow are left
 * ({@code room.left} with the reason) before {@code auth.refreshed} confirms the new expiry. A
 * refused token changes nothing: the connection keeps its current token until that expires.
 */
@ApplicationScoped
public class TokenRefresh {

  private static final Logger LOG = Logger.getLogger(TokenRefresh.class.getName());

  private final Verifier verifier;
  private final RoomCommands rooms;

  /** Verifies a token; the seam that lets the dispatch tests run without keys. */
  @FunctionalInterface
  public interface Verifier {
    Caller verify(String token) throws TokenRejectedException;
  }

  @Inject
  public TokenRefresh(Authenticator authenticator, RoomCommands rooms, HubMetrics metrics) {
    this(
        token -> {
          try {
            return authenticator.verify(token);
          } catch (TokenRejectedException e) {
            metrics.authFailure(e.rejection());
            throw e;
          }
        },
        rooms);
  }

  public TokenRefresh(Verifier verifier, RoomCommands rooms) {
    this.verifier = verifier;
    this.rooms = rooms;
  }

  /** For the container's client proxy only. */
  protected TokenRefresh() {
    this((Verifier) null, null);
  }

  void refresh(Connection connection, JsonObject payload) {
    String token = Payloads.requiredString(payload, "token");
    Caller current = connection.caller();
    if (current.isGuest()) {
      throw new ProtocolException(
          ErrorCode.FORBIDDEN, "a guest connection cannot take a token; reconnect with one");
    }
    Caller next;
    try {
      next = verifier.verify(token);
    } catch (TokenRejectedException e) {
      throw refused(
          connection, e.rejection().reason() + " " + e.logDetail(), e.rejection().reason());
    }
    if (!next.userId().equals(current.userId())
        || !Objects.equals(next.subject(), current.subject())) {
      throw refused(connection, "token for another user", "the token is for another user");
    }
    connection.refresh(next);
    rooms.leaveRevoked(connection);
    connection.send(
        Frame.fromServer(
            MessageType.AUTH_REFRESHED,
            Json.PROVIDER
                .createObjectBuilder()
                .add("expires_at", next.expiresAt().toString())
                .add(
                    "groups",
                    Json.PROVIDER.createArrayBuilder(next.groups().stream().sorted().toList()))
                .build()));
    LOG.info(
        () ->
            "token refreshed: connection="
                + connection.id()
                + " user="
                + connection.userId()
                + " expires_at="
                + next.expiresAt());
  }

  /** Logs a refused refresh (never the token) and builds the error for the client. */
  private static ProtocolException refused(Connection connection, String logged, String told) {
    LOG.info(
        () ->
            "refresh refused: connection="
                + connection.id()
                + " user="
                + connection.userId()
                + " "
                + logged);
    return new ProtocolException(
        ErrorCode.INVALID_TOKEN, told + "; the current token stays in force");
  }
}
