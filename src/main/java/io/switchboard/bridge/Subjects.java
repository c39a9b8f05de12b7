package io.switchboard.bridge;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bridge's subject scheme under a prefix {@code p} (default {@code switchboard}):
 *
 * <ul>
 *   <li>{@code p.room.<room_id>}, {@code p.user.<user_id>}, {@code p.group.<group>}: inbound, the
 *       rest of the subject after the kind is the id, dots included;
 *   <li>{@code p.push}: inbound in header mode, for ids that cannot be written as subject tokens
 *       (empty, leading, trailing or double dots, whitespace, {@code *} or {@code >}): the target
 *       is in the headers {@value #TARGET_HEADER} ({@code room}, {@code user} or {@code group}) and
 *       {@value #ID_HEADER};
 *   <li>{@code p.app.<name>}: outbound, a client's app message of type {@code <app prefix><name>}.
 * </ul>
 */
public record Subjects(String prefix) {

  public static final String TARGET_HEADER = "Switchboard-Target";
  public static final String ID_HEADER = "Switchboard-Id";

  /** Where a backend's message goes. */
  public enum Kind {
    ROOM,
    USER,
    GROUP;

    String token() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<Kind> ofToken(String token) {
      for (Kind kind : values()) {
        if (kind.token().equals(token)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /** An inbound message's target. */
  public record Target(Kind kind, String id) {}

  /** The subjects the inbound stream captures. */
  public List<String> inbound() {
    return List.of(prefix + ".room.>", prefix + ".user.>", prefix + ".group.>", push());
  }

  public String push() {
    return prefix + ".push";
  }

  /** The subject a client's app message named {@code name} is published on. */
  public String app(String name) {
    return prefix + ".app." + name;
  }

  /** The subject for a target, or empty when its id cannot be written as subject tokens. */
  public Optional<String> of(Target target) {
    return tokens(target.id())
        ? Optional.of(prefix + "." + target.kind().token() + "." + target.id())
        : Optional.empty();
  }

  /**
   * The target of an inbound message from its subject, or from its headers ({@code header} reads
   * one by name, null when absent) on the push subject; empty when neither names a target.
   */
  public Optional<Target> target(String subject, Function<String, String> header) {
    if (subject.equals(push())) {
      String id = header.apply(ID_HEADER);
      String kind = header.apply(TARGET_HEADER);
      if (id == null || id.isEmpty() || kind == null) {
        return Optional.empty();
      }
      return Kind.ofToken(kind.trim()).map(k -> new Target(k, id));
    }
    if (!subject.startsWith(prefix + ".")) {
      return Optional.empty();
    }
    String rest = subject.substring(prefix.length() + 1);
    int dot = rest.indexOf('.');
    if (dot <= 0 || dot == rest.length() - 1) {
      return Optional.empty();
    }
    String id = rest.substring(dot + 1);
    return Kind.ofToken(rest.substring(0, dot)).map(k -> new Target(k, id));
  }

  /** Whether {@code id} is one or more non-empty subject tokens without wildcards or whitespace. */
  public static boolean tokens(String id) {
    if (id.isEmpty() || id.startsWith(".") || id.endsWith(".") || id.contains("..")) {
      return false;
    }
    return id.chars().noneMatch(c -> c == '*' || c == '>' || Character.isWhitespace(c));
  }

  /** Whether {@code name} can follow {@code p.app.}: subject tokens, so one subject per name. */
  public static boolean appName(String name) {
    return tokens(name);
  }
}
