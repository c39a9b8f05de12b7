package io.switchboard.limits;

import io.switchboard.config.HubConfig;
import io.switchboard.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code WS_RATE_LIMIT} frames per {@code WS_RATE_WINDOW}, per connection and per user across all
 * their connections: a frame must find a token in both buckets. A connection whose frames keep
 * being refused (more consecutive refusals than the limit itself) is abusive and gets {@link
 * Verdict#ABUSE}, which closes it.
 */
@ApplicationScoped
public class RateLimiter {

  /** The outcome for one inbound frame. */
  public record Verdict(Kind kind, long retryAfterMillis) {

    /** Whether the frame may be handled. */
    public enum Kind {
      ALLOWED,
      LIMITED,
      ABUSE
    }

    static final Verdict ALLOWED = new Verdict(Kind.ALLOWED, 0);
  }

  private record ConnectionRate(TokenBucket bucket, AtomicInteger strikes) {}

  private final HubConfig config;
  private final ConcurrentHashMap<String, ConnectionRate> byConnection = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, TokenBucket> byUser = new ConcurrentHashMap<>();

  @Inject
  public RateLimiter(HubConfig config) {
    this.config = config;
  }

  /** For the container's client proxy only. */
  protected RateLimiter() {
    this(null);
  }

  public Verdict admit(String connectionId, String userId, long nowNanos) {
    Settings settings = config.settings();
    ConnectionRate rate =
        byConnection.computeIfAbsent(
            connectionId,
            id -> new ConnectionRate(bucket(settings, nowNanos), new AtomicInteger()));
    long wait = rate.bucket().take(nowNanos);
    if (wait == 0) {
      wait = byUser.computeIfAbsent(userId, u -> bucket(settings, nowNanos)).take(nowNanos);
    }
    if (wait == 0) {
      rate.strikes().set(0);
      return Verdict.ALLOWED;
    }
    long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait));
    if (rate.strikes().incrementAndGet() > settings.rateLimit()) {
      return new Verdict(Verdict.Kind.ABUSE, retryAfter);
    }
    return new Verdict(Verdict.Kind.LIMITED, retryAfter);
  }

  /** Drops a closed connection's state, and its user's once the user has no connection left. */
  public void forget(String connectionId, String userId, boolean userGone) {
    byConnection.remove(connectionId);
    if (userGone) {
      byUser.remove(userId);
    }
  }

  private static TokenBucket bucket(Settings settings, long nowNanos) {
    return new TokenBucket(settings.rateLimit(), settings.rateWindow().toNanos(), nowNanos);
  }
}
