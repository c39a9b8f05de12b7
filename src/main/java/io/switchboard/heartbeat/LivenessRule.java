package io.switchboard.heartbeat;

import io.switchboard.config.Settings;
import io.switchboard.registry.Liveness;

/**
 * What the sweep does with one connection, decided from its {@link Liveness} alone: a pure rule, so
 * it is tested with a fixed clock instead of waiting.
 *
 * <p>Liveness is judged on inbound traffic only. Container idle timers count outbound frames too,
 * so a dead peer that keeps receiving broadcasts would look alive to them; a peer that does not
 * answer pings does not look alive to this rule.
 */
public final class LivenessRule {

  /** The sweep's verdict for one connection. */
  public enum Action {
    NONE,
    PING,
    CLOSE_HEARTBEAT_TIMEOUT,
    CLOSE_IDLE,
    CLOSE_SLOW_CONSUMER
  }

  private LivenessRule() {}

  public static Action decide(Liveness liveness, long nowNanos, Settings settings) {
    if (liveness.nanosWriting(nowNanos) > settings.sendTimeout().toNanos()
        || (settings.heartbeatEnabled()
            && liveness.unacknowledgedBytes() > settings.maxUnacknowledgedBytes())) {
      return Action.CLOSE_SLOW_CONSUMER;
    }
    if (settings.heartbeatEnabled()
        && liveness.nanosSincePong(nowNanos) > settings.heartbeatTimeout().toNanos()) {
      return Action.CLOSE_HEARTBEAT_TIMEOUT;
    }
    if (liveness.nanosSinceInbound(nowNanos) > settings.idleTimeout().toNanos()) {
      return Action.CLOSE_IDLE;
    }
    if (settings.heartbeatEnabled()
        && liveness.nanosSincePing(nowNanos) >= settings.heartbeatInterval().toNanos()) {
      return Action.PING;
    }
    return Action.NONE;
  }
}
