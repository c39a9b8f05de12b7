package io.switchboard.access;

import io.switchboard.auth.Caller;
import io.switchboard.protocol.MessageType;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which message types need which groups ({@code WS_MESSAGE_RULES}). Syntax: rules separated by
 * {@code ;}, each {@code <type>=<who>}, where {@code <type>} is a type a client may send and {@code
 * <who>} is {@code *} (any authenticated user) or groups separated by {@code |}. Example: {@code
 * message.direct=staff|admin;room.broadcast=*}. {@code heartbeat.pong} and {@code auth.refresh}
 * cannot be restricted: refusing them would only close connections later.
 *
 * <p>App message types (under {@code WS_APP_MESSAGE_PREFIX}) are restricted the same way, by their
 * full type or by a pattern ending in {@code *}: {@code app.orders.*=staff;app.*=*}. The most
 * specific rule that matches a type applies: an exact type before any pattern, a longer pattern
 * before a shorter one.
 */
public final class MessagePolicy {

  private final Map<MessageType, Requirement> rules;
  private final Map<String, Requirement> appRules;

  private MessagePolicy(Map<MessageType, Requirement> rules, Map<String, Requirement> appRules) {
    this.rules = rules;
    this.appRules = appRules;
  }

  public static MessagePolicy open() {
    return new MessagePolicy(Map.of(), Map.of());
  }

  /** Parses {@code WS_MESSAGE_RULES} without app message types. */
  public static MessagePolicy parse(String text) {
    return parse(text, null);
  }

  /**
   * Parses {@code WS_MESSAGE_RULES}.
   *
   * @throws IllegalArgumentException naming the setting, the rule and what is wrong with it
   */
  public static MessagePolicy parse(String text, String appPrefix) {
    Map<MessageType, Requirement> rules = new EnumMap<>(MessageType.class);
    Map<String, Requirement> appRules = new HashMap<>();
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
        if (appPrefix != null && name.startsWith(appPrefix)) {
          String pattern = name.endsWith("*") ? name.substring(0, name.length() - 1) : name;
          if (pattern.contains("*") || (!name.endsWith("*") && name.equals(appPrefix))) {
            throw new IllegalArgumentException(
                "an app message rule names a type or ends with one *, such as "
                    + appPrefix
                    + "orders.*");
          }
          if (appRules.put(name, Requirement.parse(pair[1])) != null) {
            throw new IllegalArgumentException(name + " appears twice");
          }
          continue;
        }
        MessageType type =
            MessageType.fromClient(name)
                .filter(t -> t != MessageType.HEARTBEAT_PONG && t != MessageType.AUTH_REFRESH)
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
    return new MessagePolicy(Map.copyOf(rules), Map.copyOf(appRules));
  }

  /** Why {@code caller} may not send the app message type {@code type}; empty when it may. */
  public Optional<String> appRefusal(Caller caller, String type) {
    Requirement requirement = appRules.get(type);
    if (requirement == null) {
      requirement =
          appRules.entrySet().stream()
              .filter(e -> e.getKey().endsWith("*"))
              .filter(e -> type.startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
              .max(Comparator.comparingInt(e -> e.getKey().length()))
              .map(Map.Entry::getValue)
              .orElse(null);
    }
    if (requirement == null || requirement.admits(caller)) {
      return Optional.empty();
    }
    return Optional.of("sending " + type + " needs you to be " + requirement.describe());
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
