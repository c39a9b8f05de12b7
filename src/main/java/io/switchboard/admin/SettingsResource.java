package io.switchboard.admin;

import io.switchboard.config.ApiSettings;
import io.switchboard.config.Setting;
import io.switchboard.config.TextSetting;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every hub setting as the server's MicroProfile Config resolves it now, with the config source
 * that provided it: the way to check that a value set in the server's admin console, CLI or
 * configuration file is the one in force. The hub reads its settings when the application starts,
 * so a value changed since then shows here before it takes effect (after a restart or redeploy).
 * {@code WS_API_KEYS} shows its key names only, never a secret or a hash.
 */
@Path("admin/settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
@RequestScoped
public class SettingsResource {

  @Inject Config config;

  /** One setting: its value now and where it comes from ({@code null} source: the default). */
  @Schema(name = "Setting")
  public record SettingView(
      String name,
      String value,
      @JsonbProperty("default_value") String defaultValue,
      String unit,
      @Schema(description = "the config source's name, or null when the default applies")
          String source) {}

  @GET
  @Operation(summary = "Every setting with its current value and the config source it comes from")
  public List<SettingView> list() {
    List<SettingView> settings = new ArrayList<>();
    for (Setting setting : Setting.values()) {
      settings.add(view(setting.key(), Integer.toString(setting.defaultValue()), setting.unit()));
    }
    for (TextSetting setting : TextSetting.values()) {
      SettingView view = view(setting.key(), setting.defaultValue(), "text");
      settings.add(
          setting == TextSetting.WS_API_KEYS
              ? new SettingView(
                  view.name(),
                  ApiSettings.redacted(view.value()),
                  view.defaultValue(),
                  view.unit(),
                  view.source())
              : view);
    }
    return settings;
  }

  private SettingView view(String key, String defaultValue, String unit) {
    ConfigValue value = config.getConfigValue(key);
    boolean set = value.getValue() != null && !value.getValue().isBlank();
    return new SettingView(
        key,
        set ? value.getValue() : defaultValue,
        defaultValue,
        unit,
        set ? value.getSourceName() : null);
  }
}
