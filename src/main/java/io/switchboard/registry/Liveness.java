package io.switchboard.registry;

import java.util.concurrent.TimeUnit;

/**
 * When a connection was last heard from and how its last ping went. Written by the connection's own
 * message handling and read by the heartbeat sweep, hence volatile fields on a monotonic clock.
 */
public final class Liveness {

  private volatile long lastInboundNanos;
  private volatile long lastPongNanos;
  private volatile long lastPingNanos;
  private volatile String pendingPingId;
  private volatile long roundTripMillis = -1;
  private volatile long writeStartedNanos;
  private volatile boolean writing;
  private volatile long writtenBytes;
  private volatile long pendingPingOffset = -1;
  private volatile long acknowledgedBytes;

  /** A connection opened at {@code openedNanos} counts as just heard from and just pinged. */
  public Liveness(long openedNanos) {
    lastInboundNanos = openedNanos;
    lastPongNanos = openedNanos;
    lastPingNanos = openedNanos;
  }

  /** Any frame from the client counts as activity. */
  public void inbound(long nowNanos) {
    lastInboundNanos = nowNanos;
  }

  public void pinged(String pingId, long nowNanos) {
    pendingPingId = pingId;
    pendingPingOffset = -1;
    lastPingNanos = nowNanos;
  }

  /**
   * The pending ping reached the socket after {@code writtenBytes} bytes: its pong acknowledges
   * them.
   */
  void pingWritten() {
    pendingPingOffset = writtenBytes;
  }

  public boolean pingOutstanding() {
    return pendingPingId != null;
  }

  /**
   * Bytes handed to the container that the client has not yet proven it read. Frames arrive in
   * order, so a pong acknowledges everything written before its ping; whatever the container or the
   * kernel buffers for a peer is bounded by this number.
   */
  public long unacknowledgedBytes() {
    return writtenBytes - acknowledgedBytes;
  }

  /**
   * A pong proves liveness whatever ping it answers; only the answer to the latest ping gives a
   * round trip. Returns whether this pong gave one ({@link #roundTripMillis()}).
   */
  public boolean ponged(String pingId, long nowNanos) {
    lastPongNanos = nowNanos;
    if (pingId.equals(pendingPingId)) {
      roundTripMillis = TimeUnit.NANOSECONDS.toMillis(nowNanos - lastPingNanos);
      if (pendingPingOffset >= 0) {
        acknowledgedBytes = pendingPingOffset;
      }
      pendingPingId = null;
      return true;
    }
    return false;
  }

  /**
   * An outbound write of {@code bytes} went to the container; only the connection's writer calls
   * this.
   */
  public void writeStarted(long nowNanos, int bytes) {
    writeStartedNanos = nowNanos;
    writing = true;
    writtenBytes += bytes;
  }

  public void writeFinished() {
    writing = false;
  }

  /** How long the write in flight has been stuck, or 0 when none is in flight. */
  public long nanosWriting(long nowNanos) {
    return writing ? nowNanos - writeStartedNanos : 0;
  }

  public long nanosSinceInbound(long nowNanos) {
    return nowNanos - lastInboundNanos;
  }

  public long nanosSincePong(long nowNanos) {
    return nowNanos - lastPongNanos;
  }

  public long nanosSincePing(long nowNanos) {
    return nowNanos - lastPingNanos;
  }

  /** Round trip of the last answered ping in milliseconds, or -1 before the first answer. */
  public long roundTripMillis() {
    return roundTripMillis;
  }
}
