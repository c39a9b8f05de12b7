package io.switchboard.admin;

import io.switchboard.config.SettingDescription;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every hub setting as the server's MicroProfile Config resolves it now, with the config source
 * that provided it: the way to check that a value set in the server's admin console, CLI or
 * configuration file is the one in force, and what each setting means. The hub reads its settings
 * when the application starts, so a value changed since then shows here before it takes effect
 * (after a restart or redeploy). Secrets are never shown: the password in {@code WS_REDIS_URL},
 * {@code WS_JWT_SECRET}; {@code WS_API_KEYS} shows its key names only, never a secret or a hash.
 */
@Path("admin/settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
@RequestScoped
public class SettingsResource {

  @Inject Config config;

  /**
   * One setting: its value now, where it comes from ({@code null} source: the default), its unit
   * and meaning.
   */
  @Schema(name = "Setting")
  public record SettingView(
      String name,
      String value,
      @JsonbProperty("default_value") String defaultValue,
      String unit,
      @Schema(description = "what the setting does, as the code states it") String meaning,
      @Schema(description = "the config source's name, or null when the default applies")
          String source) {}

  @GET
  @Operation(
      summary =
          "Every setting with its current value, the config source it comes from, its unit and"
              + " meaning")
  public List<SettingView> list() {
    return SettingDescription.all().stream().map(this::view).toList();
  }

  private SettingView view(SettingDescription setting) {
    ConfigValue value = config.getConfigValue(setting.key());
    boolean set = value.getValue() != null && !value.getValue().isBlank();
    String shown = set ? value.getValue() : setting.defaultValue();
    return new SettingView(
        setting.key(),
        setting.shown().apply(shown),
        setting.defaultValue(),
        setting.unit(),
        setting.meaning(),
        set ? value.getSourceName() : null);
  }
}
