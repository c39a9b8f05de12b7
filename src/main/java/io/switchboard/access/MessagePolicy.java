package io.switchboard.access;

import io.switchboard.auth.Caller;
import io.switchboard.protocol.MessageType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which message types need which groups ({@code WS_MESSAGE_RULES}). Syntax: rules separated by
 * {@code ;}, each {@code <type>=<who>}, where {@code <type>} is a type a client may send and {@code
 * <who>} is {@code *} (any authenticated user) or groups separated by {@code |}. Example: {@code
 * message.direct=staff|admin;room.broadcast=*}. {@code heartbeat.pong} and {@code auth.refresh}
 * cannot be restricted: refusing them would only close connections later.
 */
public final class MessagePolicy {

  private final Map<MessageType, Requirement> rules;

  private MessagePolicy(Map<MessageType, Requirement> rules) {
    this.rules = rules;
  }

  public static MessagePolicy open() {
    return new MessagePolicy(Map.of());
  }

  /**
   * Parses {@code WS_MESSAGE_RULES}.
   *
   * @throws IllegalArgumentException naming the setting, the rule and what is wrong with it
   */
  public static MessagePolicy parse(String text) {
    Map<MessageType, Requirement> rules = new EnumMap<>(MessageType.class);
    for (String rule : text.split(";")) {
      if (rule.isBlank()) {
        continue;
      }
      try {
        String[] pair = rule.split("=", 2);
        if (pair.length != 2) {
          throw new IllegalArgumentException("expected <type>=<who>");
        }
        String name = pair[0].trim();
        MessageType type =
            MessageType.fromClient(name)
                .filter(
                    t ->
                        t != MessageType.HEARTBEAT_PONG
                            && t != MessageType.AUTH_REFRESH
                            && t != MessageType.AUTH)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "'"
                                + name
                                + "' is not a message type that can be restricted (message.text,"
                                + " message.direct, room.join, room.leave, room.broadcast,"
                                + " room.members, presence.query, typing.start, typing.stop)"));
        if (rules.put(type, Requirement.parse(pair[1])) != null) {
          throw new IllegalArgumentException(name + " appears twice");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "WS_MESSAGE_RULES rule '" + rule.trim() + "': " + e.getMessage());
      }
    }
    return new MessagePolicy(Map.copyOf(rules));
  }

  /** Why {@code caller} may not send {@code type}; empty when it may. */
  public Optional<String> refusal(Caller caller, MessageType type) {
    Requirement requirement = rules.get(type);
    if (requirement == null || requirement.admits(caller)) {
      return Optional.empty();
    }
    return Optional.of("sending " + type.wireName() + " needs you to be " + requirement.describe());
  }
}
