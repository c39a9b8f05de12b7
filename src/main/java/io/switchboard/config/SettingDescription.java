package io.switchboard.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One setting as operators read about it: its MicroProfile Config name, the default that applies
 * when nothing sets it (empty: none), its unit ({@code text} for a {@link TextSetting}), what it
 * means, and how a value is shown (secrets never are). {@link #all()} is the single list every
 * restatement follows: the admin settings view shows it, and a unit test holds {@code
 * docs/configuration.md} and the three {@code server-config/} files to it.
 */
public record SettingDescription(
    String key, String defaultValue, String unit, String meaning, UnaryOperator<String> shown) {

  /** The unit of every {@link TextSetting}. */
  public static final String TEXT = "text";

  /** Every numeric setting, then every text setting, in declaration order. */
  public static List<SettingDescription> all() {
    List<SettingDescription> all = new ArrayList<>();
    for (Setting s : Setting.values()) {
      all.add(
          new SettingDescription(
              s.key(),
              Integer.toString(s.defaultValue()),
              s.unit(),
              s.meaning(),
              UnaryOperator.identity()));
    }
    for (TextSetting s : TextSetting.values()) {
      all.add(new SettingDescription(s.key(), s.defaultValue(), TEXT, s.meaning(), s::shown));
    }
    return List.copyOf(all);
  }

  /** Whether the setting applies a value when nothing sets it. */
  public boolean hasDefault() {
    return !defaultValue.isEmpty();
  }
}
