package io.switchboard.registry;

import io.switchboard.metrics.Traffic;
import io.switchboard.protocol.CloseCodes;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A connection's bounded outbound queue and its single writer.
 *
 * <p>At most one asynchronous write is in flight; its completion starts the next, so frames reach
 * the socket in queue order and no caller ever waits for the network. Backpressure by message
 * class: past half the depth (the high-water mark) ephemeral frames are shed and the client gets
 * one {@code flow.slow} warning; a durable frame that finds the queue full is refused with {@link
 * Offer#OVERFLOW}, and the caller closes the connection rather than lose it silently.
 */
final class Outbox {

  /** What happened to an offered frame. */
  enum Offer {
    QUEUED,
    SHED,
    OVERFLOW,
    CLOSED
  }

  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

  private final Transport transport;
  private final int depth;
  private final int highWater;
  private final Liveness liveness;
  private final Traffic traffic;
  private final Queue<Frame> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicBoolean writing = new AtomicBoolean();
  private final AtomicBoolean warned = new AtomicBoolean();
  private final AtomicBoolean accepting = new AtomicBoolean(true);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final String owner;
  private volatile long written;

  /** {@code owner} names the connection in log lines. */
  Outbox(Transport transport, int depth, Liveness liveness, Traffic traffic, String owner) {
    this.owner = owner;
    this.transport = transport;
    this.traffic = traffic;
    this.depth = depth;
    this.highWater = Math.max(1, depth / 2);
    this.liveness = liveness;
  }

  Offer offer(Frame frame) {
    if (!accepting.get()) {
      return Offer.CLOSED;
    }
    boolean ephemeral = frame.delivery() == MessageType.Delivery.EPHEMERAL;
    int queued = size.incrementAndGet();
    if (queued > depth || (ephemeral && queued > highWater)) {
      size.decrementAndGet();
      return ephemeral ? Offer.SHED : Offer.OVERFLOW;
    }
    queue.add(frame);
    if (queued >= highWater && warned.compareAndSet(false, true)) {
      size.incrementAndGet();
      queue.add(slowWarning(queued));
    }
    drain();
    return Offer.QUEUED;
  }

  /** Frames handed to the socket; only the single writer increments it. */
  long written() {
    return written;
  }

  int size() {
    return size.get();
  }

  /** False once a close has been requested or the socket is gone. */
  boolean isAccepting() {
    return accepting.get();
  }

  /** Accepts nothing more, discards the queue and closes at once; idempotent. */
  void closeNow(int code, String reason) {
    discard();
    if (closed.compareAndSet(false, true)) {
      countSlowConsumer(code);
      transport.close(code, reason);
    }
  }

  /**
   * As {@link #closeNow}, on the calling thread: for shutdown (see {@link Transport#closeHere}).
   */
  void closeHere(int code, String reason) {
    discard();
    if (closed.compareAndSet(false, true)) {
      countSlowConsumer(code);
      transport.closeHere(code, reason);
    }
  }

  private void countSlowConsumer(int code) {
    if (code == CloseCodes.SLOW_CONSUMER) {
      traffic.slowConsumer();
    }
  }

  /** The peer or the container closed the socket: forget what is queued. */
  void discard() {
    accepting.set(false);
    queue.clear();
    size.set(0);
  }

  private void drain() {
    while (writing.compareAndSet(false, true)) {
      Frame next = queue.poll();
      if (next != null) {
        size.decrementAndGet();
        if (next.type() == MessageType.HEARTBEAT_PING) {
          liveness.pingWritten();
        }
        liveness.writeStarted(System.nanoTime(), next.bytes());
        traffic.sent(next);
        written++;
        transport.write(next.text(), this::written);
        return;
      }
      writing.set(false);
      if (queue.isEmpty()) {
        return;
      }
    }
  }

  private void written(Throwable failure) {
    liveness.writeFinished();
    writing.set(false);
    if (failure != null) {
      if (accepting.get()) {
        LOG.warning(() -> "slow consumer: " + owner + " write failed: " + failure);
      }
      closeNow(CloseCodes.SLOW_CONSUMER, "slow consumer: write failed");
      return;
    }
    if (size.get() < highWater / 2) {
      warned.set(false);
    }
    drain();
  }

  private Frame slowWarning(int queued) {
    return Frame.fromServer(
        MessageType.FLOW_SLOW,
        Json.PROVIDER
            .createObjectBuilder()
            .add("queued", queued)
            .add("limit", depth)
            .add("message", "reading too slowly: ephemeral frames are being dropped")
            .build());
  }
}
