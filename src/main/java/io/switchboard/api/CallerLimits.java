package io.switchboard.api;

import io.switchboard.config.HubConfig;
import io.switchboard.limits.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code WS_API_RATE_LIMIT} requests per {@code WS_API_RATE_WINDOW} for each caller: one token
 * bucket per caller name, at most {@value #MAX_CALLERS} of them (beyond, an arbitrary one is
 * forgotten, which at worst gives that caller a fresh allowance).
 */
@ApplicationScoped
public class CallerLimits {

  static final int MAX_CALLERS = 10_000;

  private final HubConfig config;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  @Inject
  public CallerLimits(HubConfig config) {
    this.config = config;
  }

  /** For the container's client proxy only. */
  protected CallerLimits() {
    this(null);
  }

  /** 0 when the caller may go ahead, else the nanoseconds until it may. */
  public long take(String caller, long nowNanos) {
    var api = config.settings().api();
    TokenBucket bucket =
        buckets.computeIfAbsent(
            caller, c -> new TokenBucket(api.rateLimit(), api.rateWindow().toNanos(), nowNanos));
    if (buckets.size() > MAX_CALLERS) {
      Iterator<String> any = buckets.keySet().iterator();
      while (buckets.size() > MAX_CALLERS && any.hasNext()) {
        String other = any.next();
        if (!other.equals(caller)) {
          any.remove();
        }
      }
    }
    return bucket.take(nowNanos);
  }
}
