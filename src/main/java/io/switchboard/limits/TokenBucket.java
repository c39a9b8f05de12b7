package io.switchboard.limits;

/**
 * A token bucket on a caller-supplied monotonic clock: {@code capacity} tokens, refilled evenly
 * over {@code windowNanos}. Synchronized because a user's bucket is shared by that user's
 * connections; the critical section is a few arithmetic operations.
 */
public final class TokenBucket {

  private final double capacity;
  private final double tokensPerNano;
  private double tokens;
  private long lastNanos;

  public TokenBucket(int capacity, long windowNanos, long nowNanos) {
    this.capacity = capacity;
    this.tokensPerNano = capacity / (double) windowNanos;
    this.tokens = capacity;
    this.lastNanos = nowNanos;
  }

  /** Takes a token: returns 0 when granted, otherwise the nanoseconds until one will be there. */
  public synchronized long take(long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * tokensPerNano);
    lastNanos = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / tokensPerNano);
  }
}
