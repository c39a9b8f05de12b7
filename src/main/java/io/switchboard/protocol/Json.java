package io.switchboard.protocol;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.spi.JsonProvider;

/**
 * The one shared JSON-B and JSON-P instance. Both are thread-safe and expensive to create; codecs
 * are instantiated per connection by the container, so they must not build their own.
 */
public final class Json {

  static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(true));

  /**
   * JSON-P provider, looked up once (each {@code jakarta.json.Json} call repeats a service lookup).
   */
  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private Json() {}
}
