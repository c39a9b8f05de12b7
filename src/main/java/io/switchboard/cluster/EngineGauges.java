package io.switchboard.cluster;

import io.switchboard.config.ClusterMode;
import io.switchboard.config.HubConfig;
import io.switchboard.metrics.Gauge;
import io.switchboard.metrics.GaugeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The cluster engine's health as gauges, per node: only with {@code WS_CLUSTER=redis} (a local node
 * publishes none, and never creates the engine to gauge it).
 */
@ApplicationScoped
public class EngineGauges implements GaugeSource {

  @Inject HubConfig config;
  @Inject Instance<RedisEngine> engine;

  @Override
  public List<Gauge> gauges() {
    if (config.settings().cluster().mode() != ClusterMode.REDIS) {
      return List.of();
    }
    RedisEngine redis = engine.get();
    RedisEngineStats stats = redis.stats();
    return List.of(
        new Gauge(
            "switchboard_redis_up",
            "1 while both Redis connections (commands, pub/sub) are up, else 0",
            () -> redis.isUp() ? 1 : 0),
        new Gauge(
            "switchboard_redis_commands",
            "Redis scripts run (room publishes, joins, checks), answered or failed",
            stats::commands),
        new Gauge(
            "switchboard_redis_command_failures",
            "Redis scripts that failed: Redis unreachable, slow or refusing; each refused a"
                + " broadcast or join with error unavailable",
            stats::failures),
        new Gauge(
            "switchboard_redis_command_latency_mean_seconds",
            "Mean time from issuing a Redis script to its answer",
            () -> stats.commands() == 0 ? 0.0 : stats.latencyNanos() / 1e9 / stats.commands()),
        new Gauge(
            "switchboard_redis_command_latency_max_seconds",
            "Longest time from issuing a Redis script to its answer",
            () -> stats.maxLatencyNanos() / 1e9),
        new Gauge(
            "switchboard_redis_reconnects",
            "Times the node got its Redis connections back after losing one",
            stats::reconnects),
        new Gauge(
            "switchboard_redis_subscriptions",
            "Redis channels this node listens to: one per room with members here, plus one",
            stats::subscriptions));
  }
}
