package io.switchboard.access;

import io.switchboard.auth.Caller;
import io.switchboard.config.AuthSettings;
import io.switchboard.config.HubConfig;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.MessageType;
import io.switchboard.protocol.ProtocolException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Applies the room and message rules to a caller. A refusal is a {@link ErrorCode#FORBIDDEN} error
 * to the sender; the connection stays open. The rules are parsed when the application starts, so a
 * mistake in them fails the deployment.
 */
@ApplicationScoped
public class AccessPolicy {

  private static final Logger LOG = Logger.getLogger(AccessPolicy.class.getName());

  private final RoomPolicy rooms;
  private final MessagePolicy messages;

  @Inject
  public AccessPolicy(HubConfig config) {
    this(
        rooms(config.settings().auth()),
        messages(config.settings().auth(), config.settings().bridge().appPrefix()));
    LOG.info(
        () ->
            "Switchboard access rules: rooms=["
                + config.settings().auth().roomRules()
                + "] guest rooms=["
                + config.settings().auth().guestRooms()
                + "] messages=["
                + config.settings().auth().messageRules()
                + "]");
  }

  public AccessPolicy(RoomPolicy rooms, MessagePolicy messages) {
    this.rooms = rooms;
    this.messages = messages;
  }

  /** For the container's client proxy only. */
  protected AccessPolicy() {
    this(RoomPolicy.open(), MessagePolicy.open());
  }

  void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // Observing creates the bean, which parses the rules.
  }

  public void checkMessage(Caller caller, MessageType type) {
    messages.refusal(caller, type).ifPresent(AccessPolicy::forbid);
  }

  /** Applies the message rules to an app message type. */
  public void checkApp(Caller caller, String type) {
    messages.appRefusal(caller, type).ifPresent(AccessPolicy::forbid);
  }

  public void checkRoom(Caller caller, String roomId, RoomPolicy.Right right) {
    rooms.refusal(caller, roomId, right).ifPresent(AccessPolicy::forbid);
  }

  /**
   * Why {@code caller} may no longer be in {@code roomId} (its groups changed); empty if it may.
   */
  public Optional<String> revocation(Caller caller, String roomId) {
    return rooms.refusal(caller, roomId, RoomPolicy.Right.JOIN);
  }

  private static void forbid(String reason) {
    throw new ProtocolException(ErrorCode.FORBIDDEN, reason);
  }

  private static RoomPolicy rooms(AuthSettings auth) {
    return parse(() -> RoomPolicy.parse(auth.roomRules(), auth.guestRooms()));
  }

  private static MessagePolicy messages(AuthSettings auth, String appPrefix) {
    return parse(() -> MessagePolicy.parse(auth.messageRules(), appPrefix));
  }

  private static <T> T parse(Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Invalid Switchboard configuration: " + e.getMessage(), e);
    }
  }
}
