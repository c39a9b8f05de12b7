package io.switchboard.heartbeat;

import io.switchboard.auth.Caller;
import io.switchboard.config.HubConfig;
import io.switchboard.config.Settings;
import io.switchboard.protocol.CloseCodes;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One periodic sweep over all connections on the {@link ManagedScheduledExecutorService}: it sends
 * {@code heartbeat.ping}, and closes connections that stopped answering (4000) or went idle (4001);
 * it also warns before a connection's token expires ({@code auth.expiring}) and closes it when the
 * token has expired (4003). One task for the whole node, whatever the number of connections.
 */
@ApplicationScoped
public class Heartbeat {

  private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject HubConfig config;
  @Inject Connections connections;

  private ScheduledFuture<?> sweep;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    long tick = tickMillis(config.settings());
    sweep = scheduler.scheduleAtFixedRate(this::sweep, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** Whether the sweep is scheduled and has not died: without it no connection is supervised. */
  public boolean isRunning() {
    return sweep != null && !sweep.isDone();
  }

  @PreDestroy
  void stop() {
    if (sweep != null) {
      sweep.cancel(false);
    }
  }

  void sweep() {
    Settings settings = config.settings();
    long now = System.nanoTime();
    Instant wallClock = Instant.now();
    for (Connection connection : connections.all()) {
      try {
        switch (LivenessRule.decide(connection.liveness(), now, settings)) {
          case PING -> connection.ping(now);
          case CLOSE_HEARTBEAT_TIMEOUT ->
              connection.close(CloseCodes.HEARTBEAT_TIMEOUT, "heartbeat timeout");
          case CLOSE_IDLE -> connection.close(CloseCodes.IDLE_TIMEOUT, "idle timeout");
          case CLOSE_SLOW_CONSUMER ->
              connection.close(CloseCodes.SLOW_CONSUMER, "slow consumer: write timed out");
          case NONE -> {}
        }
        if (connection.isOpen()) {
          expiry(connection, wallClock, settings);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "heartbeat failed for " + connection, e);
      }
    }
  }

  private static void expiry(Connection connection, Instant now, Settings settings) {
    Caller caller = connection.caller();
    switch (ExpiryRule.decide(
        caller,
        connection.expiryWarned(caller),
        now,
        settings.auth().expiryWarning(),
        settings.auth().jwt().clockSkew())) {
      case WARN -> {
        connection.markExpiryWarned(caller);
        connection.send(
            Frame.fromServer(
                MessageType.AUTH_EXPIRING,
                Json.PROVIDER
                    .createObjectBuilder()
                    .add("expires_at", caller.expiresAt().toString())
                    .add(
                        "seconds_left",
                        Math.max(0, Duration.between(now, caller.expiresAt()).toSeconds()))
                    .build()));
      }
      case CLOSE_EXPIRED -> connection.close(CloseCodes.TOKEN_EXPIRED, "token expired");
      case NONE -> {}
    }
  }

  /** A quarter of the ping interval, between 100 ms and 1 s: pings go out at most a tick late. */
  static long tickMillis(Settings settings) {
    long basis =
        settings.heartbeatEnabled()
            ? settings.heartbeatInterval().toMillis()
            : settings.idleTimeout().toMillis();
    return Math.max(100, Math.min(1000, basis / 4));
  }
}
