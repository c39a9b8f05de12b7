package io.switchboard.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that publishes for every publisher: at a fixed rate each (open loop, evenly
 * spread), or as fast as each one's window allows. It stops on request, or when nothing has been
 * delivered for ten seconds although messages are in flight (a server that stalled).
 *
 * <p>With nothing to send it sleeps until the next message is due, or until a publisher's window
 * frees a slot ({@link Publisher#received} wakes it): polling every 20 µs cost the generator more
 * CPU than reading the deliveries.
 */
final class Pacer implements Runnable {

  private static final long STALL_NANOS = 10_000_000_000L;
  private static final long LONGEST_SLEEP_NANOS = 10_000_000L;

  private final Publisher[] publishers;
  private final Tally tally;
  private final boolean direct;
  private final long interval;
  private final String padding;
  private volatile boolean running = true;

  Pacer(Publisher[] publishers, Options options, Tally tally, boolean direct) {
    this.publishers = publishers;
    this.tally = tally;
    this.direct = direct;
    this.interval = options.rate() > 0 ? (long) (1e9 / options.rate()) : 0;
    this.padding = "x".repeat(options.size());
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    for (Publisher publisher : publishers) {
      publisher.due = start + interval * publisher.index / publishers.length;
      publisher.pacer = Thread.currentThread();
    }
    tally.lastDelivery = start;
    while (running) {
      boolean sentAny = false;
      long now = System.nanoTime();
      long sleep = LONGEST_SLEEP_NANOS;
      for (Publisher publisher : publishers) {
        long early = publisher.due - now;
        if (early > 0) {
          sleep = Math.min(sleep, early);
          continue;
        }
        if (!publisher.tryAcquire()) {
          continue;
        }
        publisher.client.send(frame(publisher, System.nanoTime()));
        publisher.sent++;
        publisher.due = Math.max(publisher.due + interval, now - 1_000_000_000L);
        sentAny = true;
      }
      if (!sentAny) {
        if (now - tally.lastDelivery > STALL_NANOS) {
          System.err.println("no delivery for 10 s: the server stalled; stopping the publishers");
          return;
        }
        LockSupport.parkNanos(sleep);
      }
    }
  }

  private String frame(Publisher publisher, long nanos) {
    String message =
        "{\"seq\":"
            + publisher.sent
            + ",\"pub\":"
            + publisher.index
            + ",\"t\":"
            + nanos
            + ",\"pad\":\""
            + padding
            + "\"}";
    if (direct) {
      return "{\"type\":\"message.direct\",\"payload\":{\"connection_id\":\""
          + publisher.target
          + "\",\"message\":"
          + message
          + "}}";
    }
    return "{\"type\":\"room.broadcast\",\"payload\":{\"room_id\":\""
        + publisher.target
        + "\",\"exclude_sender\":true,\"message\":"
        + message
        + "}}";
  }
}
