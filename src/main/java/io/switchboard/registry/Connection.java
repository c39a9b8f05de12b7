package io.switchboard.registry;

import io.switchboard.auth.Caller;
import io.switchboard.metrics.Traffic;
import io.switchboard.protocol.CloseCodes;
import io.switchboard.protocol.Envelope;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * One live socket: who it belongs to, the rooms it is in, how alive it is, and its {@link Outbox},
 * the only way anything is written to it.
 *
 * <p>Jakarta WebSocket forbids concurrent sends on a session, while broadcasts, direct messages and
 * the heartbeat all send from different threads; the outbox serialises them without blocking
 * anyone. When a durable frame does not fit, the connection is closed as a slow consumer ({@link
 * CloseCodes#SLOW_CONSUMER}) so that nothing durable is ever lost silently.
 */
public final class Connection {

  private static final Logger LOG = Logger.getLogger(Connection.class.getName());

  private final String id;
  private final String userId;
  private volatile Caller caller;
  private volatile Caller expiryWarned;
  private final Instant openedAt = Instant.now();
  private final Set<String> rooms = ConcurrentHashMap.newKeySet();
  private final Liveness liveness = new Liveness(System.nanoTime());
  private final Outbox outbox;
  private final Traffic traffic;
  private final AtomicLong shed = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final long maxUnacknowledgedBytes;

  /**
   * A connection for {@code caller} whose outbound queue holds {@code queueDepth} frames, whose
   * client may leave at most {@code maxUnacknowledgedBytes} unread (0: no flow window, when pings
   * are off), reporting its outbound traffic to {@code traffic}.
   */
  public Connection(
      String id,
      Caller caller,
      Transport transport,
      int queueDepth,
      long maxUnacknowledgedBytes,
      Traffic traffic) {
    this.id = id;
    this.userId = caller.userId();
    this.caller = caller;
    this.traffic = traffic;
    this.outbox =
        new Outbox(
            transport, queueDepth, liveness, traffic, "connection=" + id + " user=" + userId);
    this.maxUnacknowledgedBytes = maxUnacknowledgedBytes;
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  /** Who is behind this connection now: the handshake's caller, or the last refresh's. */
  public Caller caller() {
    return caller;
  }

  /**
   * Replaces the caller after a verified {@code auth.refresh}. The user id cannot change: the
   * registry indexes the connection by it.
   */
  public void refresh(Caller next) {
    if (!next.userId().equals(userId)) {
      throw new IllegalArgumentException("a refresh cannot change the user of " + this);
    }
    caller = next;
  }

  /** Whether {@code auth.expiring} was already sent for this caller's token. */
  public boolean expiryWarned(Caller forCaller) {
    return expiryWarned == forCaller;
  }

  /** Records that {@code auth.expiring} was sent for this caller's token. */
  public void markExpiryWarned(Caller forCaller) {
    expiryWarned = forCaller;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public boolean isOpen() {
    return outbox.isAccepting();
  }

  /** Rooms this connection is in; maintained by {@link Rooms}. */
  Set<String> rooms() {
    return rooms;
  }

  public int roomCount() {
    return rooms.size();
  }

  public Liveness liveness() {
    return liveness;
  }

  /** Frames waiting to be written (the in-flight one excluded). */
  public int queued() {
    return outbox.size();
  }

  /** Counts a frame received from the client (for the close log line). */
  public void countInbound() {
    received.incrementAndGet();
  }

  /** Frames received from the client so far. */
  public long received() {
    return received.get();
  }

  /** Frames handed to the socket so far. */
  public long sent() {
    return outbox.written();
  }

  /** Ephemeral frames dropped under backpressure so far. */
  public long shed() {
    return shed.get();
  }

  /**
   * Queues a frame for this socket. Returns false when it was not queued: the connection is closed,
   * or the frame was ephemeral and shed, or it was durable and did not fit (the connection is then
   * closed with {@link CloseCodes#SLOW_CONSUMER}).
   */
  public boolean send(Frame frame) {
    switch (outbox.offer(frame)) {
      case QUEUED:
        return withinWindow();
      case SHED:
        shed.incrementAndGet();
        traffic.dropped(frame);
        return false;
      case OVERFLOW:
        traffic.dropped(frame);
        LOG.warning(
            () -> "slow consumer: connection=" + id + " user=" + userId + " queue full, closing");
        close(CloseCodes.SLOW_CONSUMER, "slow consumer: outbound queue full");
        return false;
      default:
        return false;
    }
  }

  /**
   * Queues a {@code heartbeat.ping}; its pong proves liveness and acknowledges what came before.
   */
  public void ping(long nowNanos) {
    Envelope ping =
        Envelope.fromServer(
            MessageType.HEARTBEAT_PING,
            Json.PROVIDER
                .createObjectBuilder()
                .add("server_time", Instant.now().toString())
                .build());
    liveness.pinged(ping.messageId(), nowNanos);
    outbox.offer(Frame.of(MessageType.HEARTBEAT_PING, ping));
  }

  /**
   * The flow window: past half of it, ask the client for an acknowledgement (a ping); past all of
   * it, the client is not reading and is closed, whatever the container still buffers for it.
   */
  private boolean withinWindow() {
    if (maxUnacknowledgedBytes <= 0) {
      return true;
    }
    long unacknowledged = liveness.unacknowledgedBytes();
    if (unacknowledged > maxUnacknowledgedBytes) {
      LOG.warning(
          () ->
              "slow consumer: connection="
                  + id
                  + " user="
                  + userId
                  + " unacknowledged_bytes="
                  + unacknowledged);
      close(CloseCodes.SLOW_CONSUMER, "slow consumer: not reading");
      return false;
    }
    if (unacknowledged > maxUnacknowledgedBytes / 2 && !liveness.pingOutstanding()) {
      ping(System.nanoTime());
    }
    return true;
  }

  /** Closes the socket at once, discarding queued frames; idempotent. */
  public void close(int code, String reason) {
    outbox.closeNow(code, reason);
  }

  /** Closes on the calling thread, for shutdown; see {@link Transport#closeHere}. */
  public void closeHere(int code, String reason) {
    outbox.closeHere(code, reason);
  }

  /** Marks the connection closed after the peer or the container closed it. */
  public void markClosed() {
    outbox.discard();
  }

  @Override
  public String toString() {
    return "Connection[" + id + ", user=" + userId + "]";
  }
}
