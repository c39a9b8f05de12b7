package io.switchboard.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.config.SettingDescription;
import io.switchboard.support.AdminApi;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server was booted with its server-config/ file applied (the Payara post-boot commands,
 * Liberty's server.xml, WildFly's configure.cli), and the hub's settings come from it: every
 * setting with a default that the test environment does not set is provided by that file's config
 * source ({@code switchboard.configSource}, set by the server's Maven profile), while an
 * environment variable still wins over it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerConfigIT {

  /** Set only by the server-config/ files in the default execution, never by the environment. */
  private static final List<String> FROM_FILES =
      List.of(
          "WS_MAX_MESSAGE_SIZE",
          "WS_MESSAGE_QUEUE_DEPTH",
          "WS_ROSTER_LIMIT",
          "WS_RATE_LIMIT",
          "WS_DRAIN_SPREAD",
          "WS_MAX_CONNECTIONS",
          "WS_GUEST_ROOMS",
          "mp.jwt.verify.publickey.algorithm");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void settingsNotInTheEnvironmentComeFromTheServersConfigurationFile() throws Exception {
    JsonArray settings =
        (JsonArray) AdminApi.as(base, AdminApi.adminToken()).get("settings").json();
    String fileSource = System.getProperty("switchboard.configSource");

    for (String name : FROM_FILES) {
      JsonObject setting = find(settings, name);
      assertThat(setting.isNull("source")).as("%s has a source in %s", name, settings).isFalse();
      assertThat(setting.getString("source"))
          .as("%s comes from the server's file", name)
          .containsIgnoringCase(fileSource);
    }
    JsonObject fromEnvironment = find(settings, "WS_HEARTBEAT_INTERVAL");
    assertThat(fromEnvironment.getString("value")).isEqualTo("1");
    assertThat(fromEnvironment.getString("source")).doesNotContainIgnoringCase(fileSource);
  }

  @Test
  void theValuesInForceAreTheOnesTheHubAnnouncesToClients() throws Exception {
    JsonArray settings =
        (JsonArray) AdminApi.as(base, AdminApi.adminToken()).get("settings").json();
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      JsonObject limits = client.established().getJsonObject("payload").getJsonObject("limits");

      assertThat(limits.getInt("max_message_size"))
          .isEqualTo(Integer.parseInt(find(settings, "WS_MAX_MESSAGE_SIZE").getString("value")));
      assertThat(limits.getInt("rate_limit"))
          .isEqualTo(Integer.parseInt(find(settings, "WS_RATE_LIMIT").getString("value")));
    }
  }

  @Test
  void everySettingIsListedWithTheCodesDefaultUnitAndMeaning() throws Exception {
    JsonArray settings =
        (JsonArray) AdminApi.as(base, AdminApi.adminToken()).get("settings").json();

    for (SettingDescription expected : SettingDescription.all()) {
      JsonObject setting = find(settings, expected.key());
      assertThat(setting.getString("default_value")).isEqualTo(expected.defaultValue());
      assertThat(setting.getString("unit")).isEqualTo(expected.unit());
      assertThat(setting.getString("meaning")).isEqualTo(expected.meaning()).isNotBlank();
    }
    assertThat(settings).hasSize(SettingDescription.all().size());
  }

  private static JsonObject find(JsonArray settings, String name) {
    return settings.getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no setting " + name + " in " + settings));
  }
}
