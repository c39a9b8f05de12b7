package io.switchboard.access;

import io.switchboard.auth.Caller;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may join and who may publish in which rooms ({@code WS_ROOM_RULES}), and which rooms guests
 * may use ({@code WS_GUEST_ROOMS}). Parsed and validated at startup; pure afterwards.
 *
 * <p>Syntax: rules separated by {@code ;}, each {@code <pattern>:<right>=<who>[,<right>=<who>]}. A
 * pattern is a room id, or a prefix ending in {@code *} ({@code *} alone matches every room). The
 * rights are {@code join} and {@code publish}; {@code <who>} is {@code *} (any authenticated user)
 * or groups separated by {@code |}. The most specific rule decides: an exact id over a prefix, a
 * longer prefix over a shorter one. A right a rule does not name is not restricted by it; a room no
 * rule matches is open. Example: {@code admin.*:join=admin,publish=admin;news.*:publish=editors}.
 */
public final class RoomPolicy {

  /** What a caller wants to do in a room. */
  public enum Right {
    JOIN,
    PUBLISH
  }

  private static final Pattern ROOM_PATTERN = Pattern.compile("[A-Za-z0-9_.:\\-]*\\*?");

  private record Rule(String pattern, Requirement join, Requirement publish) {
    boolean matches(String roomId) {
      return RoomPolicy.matches(pattern, roomId);
    }

    /** Exact ids first, then longer prefixes. */
    int specificity() {
      return pattern.endsWith("*") ? pattern.length() : Integer.MAX_VALUE;
    }

    Requirement requirement(Right right) {
      return right == Right.JOIN ? join : publish;
    }
  }

  private final List<Rule> rules;
  private final List<String> guestPatterns;

  private RoomPolicy(List<Rule> rules, List<String> guestPatterns) {
    this.rules = rules;
    this.guestPatterns = guestPatterns;
  }

  /** No rules, guests everywhere. */
  public static RoomPolicy open() {
    return new RoomPolicy(List.of(), List.of("*"));
  }

  /**
   * Parses {@code WS_ROOM_RULES} and {@code WS_GUEST_ROOMS}.
   *
   * @throws IllegalArgumentException naming the setting, the rule and what is wrong with it
   */
  public static RoomPolicy parse(String roomRules, String guestRooms) {
    List<Rule> rules = new ArrayList<>();
    Set<String> patterns = new HashSet<>();
    int index = 0;
    for (String text : roomRules.split(";")) {
      if (text.isBlank()) {
        continue;
      }
      index++;
      try {
        Rule rule = rule(text.trim());
        if (!patterns.add(rule.pattern())) {
          throw new IllegalArgumentException("pattern " + rule.pattern() + " appears twice");
        }
        rules.add(rule);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "WS_ROOM_RULES rule " + index + " '" + text.trim() + "': " + e.getMessage());
      }
    }
    rules.sort(Comparator.comparingInt(Rule::specificity).reversed());
    List<String> guests = new ArrayList<>();
    for (String pattern : guestRooms.split(",")) {
      String trimmed = pattern.trim();
      if (!trimmed.isEmpty()) {
        guests.add(pattern(trimmed, "WS_GUEST_ROOMS"));
      }
    }
    return new RoomPolicy(List.copyOf(rules), List.copyOf(guests));
  }

  /** Why {@code caller} may not do {@code right} in {@code roomId}; empty when it may. */
  public Optional<String> refusal(Caller caller, String roomId, Right right) {
    String verb = right.name().toLowerCase(Locale.ROOT);
    if (caller.isGuest() && guestPatterns.stream().noneMatch(p -> matches(p, roomId))) {
      return Optional.of("room " + roomId + " is not open to guests; connect with a token");
    }
    for (Rule rule : rules) {
      if (rule.matches(roomId)) {
        Requirement requirement = rule.requirement(right);
        if (requirement != null && !requirement.admits(caller)) {
          return Optional.of(
              "to " + verb + " room " + roomId + " you need to be " + requirement.describe());
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Rule rule(String text) {
    int equals = text.indexOf('=');
    int colon = equals < 0 ? -1 : text.lastIndexOf(':', equals);
    if (colon < 0) {
      throw new IllegalArgumentException("expected <pattern>:join=<who>,publish=<who>");
    }
    String pattern = pattern(text.substring(0, colon).trim(), "pattern");
    Requirement join = null;
    Requirement publish = null;
    for (String grant : text.substring(colon + 1).split(",")) {
      String[] pair = grant.split("=", 2);
      if (pair.length != 2) {
        throw new IllegalArgumentException("'" + grant.trim() + "' is not <right>=<who>");
      }
      Requirement requirement = Requirement.parse(pair[1]);
      switch (pair[0].trim()) {
        case "join" -> {
          if (join != null) {
            throw new IllegalArgumentException("join appears twice");
          }
          join = requirement;
        }
        case "publish" -> {
          if (publish != null) {
            throw new IllegalArgumentException("publish appears twice");
          }
          publish = requirement;
        }
        default ->
            throw new IllegalArgumentException(
                "unknown right '" + pair[0].trim() + "' (join or publish)");
      }
    }
    return new Rule(pattern, join, publish);
  }

  private static String pattern(String text, String what) {
    if (text.isEmpty() || !ROOM_PATTERN.matcher(text).matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + text
              + "' must be a room id or a prefix ending in * (characters A-Z a-z 0-9 _ . : -)");
    }
    return text;
  }

  private static boolean matches(String pattern, String roomId) {
    return pattern.endsWith("*")
        ? roomId.startsWith(pattern.substring(0, pattern.length() - 1))
        : roomId.equals(pattern);
  }
}
