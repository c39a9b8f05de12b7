package io.switchboard.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link Settings} from MicroProfile Config when the application starts, so a bad value fails
 * the deployment instead of the first connection.
 */
@ApplicationScoped
public class HubConfig {

  private static final Logger LOG = Logger.getLogger(HubConfig.class.getName());

  @Inject Config config;

  private Settings settings;

  /** For the container: settings are read from MicroProfile Config after injection. */
  protected HubConfig() {}

  /** Fixed settings, for code that runs without a container. */
  public HubConfig(Settings settings) {
    this.settings = settings;
  }

  @PostConstruct
  void load() {
    settings = Settings.read(this::lookup, this::text);
    LOG.info(() -> "Switchboard settings: " + settings);
  }

  void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
    settings();
  }

  public Settings settings() {
    return settings;
  }

  private String text(TextSetting setting) {
    return config.getOptionalValue(setting.key(), String.class).orElse(null);
  }

  private Integer lookup(Setting setting) {
    String raw = config.getOptionalValue(setting.key(), String.class).orElse(null);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "Invalid Switchboard configuration: "
              + setting
              + " must be a whole number of "
              + setting.unit()
              + " (was '"
              + raw
              + "')");
    }
  }
}
