package io.switchboard.access;

import io.switchboard.auth.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who a rule admits: members of any of {@code groups}, or, for {@code *} (no groups), any
 * authenticated caller. Guests are never admitted by a requirement.
 */
record Requirement(List<String> groups) {

  private static final Pattern GROUP = Pattern.compile("[^\\s,;|=*]+");

  Requirement {
    groups = List.copyOf(groups);
  }

  /** {@code *} or {@code group|group|...}. */
  static Requirement parse(String text) {
    String trimmed = text.trim();
    if (trimmed.equals("*")) {
      return new Requirement(List.of());
    }
    List<String> groups = new ArrayList<>();
    for (String group : trimmed.split("\\|", -1)) {
      String name = group.trim();
      if (!GROUP.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "'" + text.trim() + "' is not * or a |-separated list of group names");
      }
      groups.add(name);
    }
    return new Requirement(groups);
  }

  boolean admits(Caller caller) {
    return !caller.isGuest() && (groups.isEmpty() || caller.inAnyGroup(groups));
  }

  String describe() {
    return groups.isEmpty()
        ? "an authenticated user"
        : (groups.size() == 1 ? "in group " : "in one of the groups ") + String.join(", ", groups);
  }
}
