package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.config.HubConfig;
import io.switchboard.config.Setting;
import io.switchboard.config.Settings;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallerLimitsTest {

  private final CallerLimits limits =
      new CallerLimits(
          new HubConfig(
              Settings.read(
                  Map.of(Setting.WS_API_RATE_LIMIT, 2, Setting.WS_API_RATE_WINDOW, 10)::get)));

  @Test
  void aCallerOverItsLimitWaitsForTheNextTokenWhileOthersGoAhead() {
    long now = 0;
    assertThat(limits.take("orders", now)).isZero();
    assertThat(limits.take("orders", now)).isZero();

    long wait = limits.take("orders", now);

    assertThat(wait).isBetween(TimeUnit.SECONDS.toNanos(4), TimeUnit.SECONDS.toNanos(5));
    assertThat(limits.take("billing", now)).isZero();
    assertThat(limits.take("orders", now + TimeUnit.SECONDS.toNanos(5))).isZero();
  }
}
