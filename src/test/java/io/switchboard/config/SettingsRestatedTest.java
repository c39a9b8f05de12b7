package io.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code ({@link Setting}, {@link TextSetting}) is the source of every setting's name, default
 * and unit; {@code docs/configuration.md} and the three {@code server-config/} files restate them
 * for people and servers. Each file must name every setting: a setting with a default at exactly
 * the code's default, a setting without one as a commented example; and none the code does not
 * know. A failure names the setting and prints what the file should say.
 */
class SettingsRestatedTest {

  private static final List<SettingDescription> SETTINGS = SettingDescription.all();

  /** Anything in a file that looks like a hub setting's name. */
  private static final Pattern SETTING_NAME = Pattern.compile("WS_[A-Z_]+|mp\\.jwt\\.[a-z.]+");

  /** A value a file sets, and whether it is only shown in a comment. */
  private record Stated(String value, boolean commented) {}

  @Test
  void theConfigurationPageHasARowForEverySettingWithTheCodesDefaultAndUnit() throws IOException {
    Map<String, List<String>> rows = configurationPageRows();

    for (SettingDescription setting : SETTINGS) {
      List<String> row = rows.get(setting.key());
      assertThat(row)
          .as("docs/configuration.md has no row for %s (%s)", setting.key(), setting.meaning())
          .isNotNull();
      String defaultCell = row.get(1);
      if (!setting.hasDefault()) {
        assertThat(defaultCell)
            .as("%s has no default: the page says what that means, in parentheses", setting.key())
            .matches("\\(.+\\)");
      } else if (setting.unit().equals(SettingDescription.TEXT)) {
        assertThat(defaultCell).as("default of %s", setting.key()).isEqualTo(code(setting));
      } else {
        assertThat(defaultCell)
            .as("default of %s", setting.key())
            .isEqualTo(setting.defaultValue());
      }
      String unit = setting.unit().equals(SettingDescription.TEXT) ? "" : setting.unit();
      assertThat(row.get(2)).as("unit of %s", setting.key()).isEqualTo(unit);
    }
    assertThat(rows.keySet()).as("rows of docs/configuration.md").isSubsetOf(keys());
  }

  @Test
  void payarasPostBootCommandsSetEveryDefaultAndShowTheOthers() throws IOException {
    Pattern line =
        Pattern.compile(
            "^(#\\s*)?set-config-property --source=domain --propertyName=(\\S+)"
                + " --propertyValue=(.*)$",
            Pattern.MULTILINE);
    Map<String, Stated> stated = new LinkedHashMap<>();
    Matcher m = line.matcher(read("server-config/payara/post-boot-commands.asadmin"));
    while (m.find()) {
      stated.merge(
          m.group(2),
          new Stated(m.group(3).strip(), m.group(1) != null),
          SettingsRestatedTest::active);
    }

    assertRestated(
        "server-config/payara/post-boot-commands.asadmin",
        stated,
        s ->
            "set-config-property --source=domain --propertyName="
                + s.key()
                + " --propertyValue="
                + s.defaultValue());
  }

  @Test
  void libertysServerXmlDeclaresEveryDefaultAndShowsTheOthers() throws IOException {
    Pattern variable = Pattern.compile("<variable name=\"([^\"]+)\" defaultValue=\"([^\"]*)\"/>");
    Pattern comment = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    String xml = read("server-config/liberty/server.xml");
    Map<String, Stated> stated = new LinkedHashMap<>();
    Matcher comments = comment.matcher(xml);
    while (comments.find()) {
      Matcher m = variable.matcher(comments.group());
      while (m.find()) {
        stated.merge(m.group(1), new Stated(m.group(2), true), SettingsRestatedTest::active);
      }
    }
    Matcher m = variable.matcher(comment.matcher(xml).replaceAll(""));
    while (m.find()) {
      stated.merge(m.group(1), new Stated(m.group(2), false), SettingsRestatedTest::active);
    }
    stated.keySet().removeIf(name -> !SETTING_NAME.matcher(name).matches());

    assertRestated(
        "server-config/liberty/server.xml",
        stated,
        s -> "<variable name=\"" + s.key() + "\" defaultValue=\"" + s.defaultValue() + "\"/>");
  }

  @Test
  void wildflysConfigureCliPutsEveryDefaultInItsConfigSourceAndShowsTheOthers() throws IOException {
    String cli = read("server-config/wildfly/configure.cli");
    Matcher source =
        Pattern.compile(
                "config-source=switchboard:add\\(ordinal=200, properties=\\{(.*?)}\\)",
                Pattern.DOTALL)
            .matcher(cli);
    assertThat(source.find()).as("configure.cli adds the switchboard config source").isTrue();
    Map<String, Stated> stated = new LinkedHashMap<>();
    Matcher property =
        Pattern.compile("([\\w.]+)=(\"[^\"]*\"|[^,\\s\\\\]+)").matcher(source.group(1));
    while (property.find()) {
      stated.merge(
          property.group(1),
          new Stated(property.group(2).replace("\"", ""), false),
          SettingsRestatedTest::active);
    }
    Matcher example =
        Pattern.compile(
                "^#.*:map-put\\(name=properties,key=([^,]+),value=(.*)\\)$", Pattern.MULTILINE)
            .matcher(cli);
    while (example.find()) {
      stated.merge(
          example.group(1), new Stated(example.group(2), true), SettingsRestatedTest::active);
    }

    assertRestated(
        "server-config/wildfly/configure.cli",
        stated,
        s -> s.key() + "=" + (s.defaultValue().equals("*") ? "\"*\"" : s.defaultValue()));
  }

  /**
   * Every setting with a default is set, at the code's default; every setting without one is shown
   * in a comment only (setting it empty would not mean "none" on every server); nothing else.
   */
  private static void assertRestated(
      String file, Map<String, Stated> stated, Function<SettingDescription, String> expectedLine) {
    for (SettingDescription setting : SETTINGS) {
      Stated s = stated.get(setting.key());
      if (setting.hasDefault()) {
        assertThat(s)
            .as(
                "%s sets %s at the code's default: %s",
                file, setting.key(), expectedLine.apply(setting))
            .isEqualTo(new Stated(setting.defaultValue(), false));
      } else {
        assertThat(s)
            .as("%s shows %s (no default) as a commented example", file, setting.key())
            .isNotNull()
            .extracting(Stated::commented)
            .isEqualTo(true);
      }
    }
    assertThat(stated.keySet()).as("settings named in %s", file).isSubsetOf(keys());
  }

  /** An active statement of a setting wins over a commented example of it. */
  private static Stated active(Stated first, Stated second) {
    return first.commented() ? second : first;
  }

  /** The rows of the page's setting tables, by setting name: name, default and unit cells. */
  private static Map<String, List<String>> configurationPageRows() throws IOException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    boolean inSettingsTable = false;
    for (String line : read("docs/configuration.md").lines().toList()) {
      if (line.equals("| setting | default | unit | meaning | rule |")) {
        inSettingsTable = true;
      } else if (!line.startsWith("|")) {
        inSettingsTable = false;
      } else if (inSettingsTable && !line.startsWith("|---")) {
        List<String> cells =
            Stream.of(line.split("\\|")).skip(1).limit(3).map(String::strip).toList();
        String name = cells.get(0).replace("`", "");
        assertThat(rows.put(name, cells))
            .as("docs/configuration.md has one row for %s", name)
            .isNull();
      }
    }
    return rows;
  }

  private static String code(SettingDescription setting) {
    return "`" + setting.defaultValue() + "`";
  }

  private static Set<String> keys() {
    return SETTINGS.stream()
        .map(SettingDescription::key)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String read(String file) throws IOException {
    return Files.readString(Path.of(file));
  }
}
