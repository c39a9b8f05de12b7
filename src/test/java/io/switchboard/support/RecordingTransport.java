package io.switchboard.support;

import io.switchboard.registry.Transport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link Transport} that keeps what was written. Writes complete at once, or, when {@code held},
 * only when the test calls {@link #completeNext()}: that is how a reader that stops reading looks
 * to the hub.
 */
public final class RecordingTransport implements Transport {

  private final boolean held;
  private final List<String> written = new ArrayList<>();
  private final Deque<Consumer<Throwable>> inFlight = new ArrayDeque<>();
  private int maxInFlight;
  private Integer closeCode;

  private RecordingTransport(boolean held) {
    this.held = held;
  }

  public static RecordingTransport immediate() {
    return new RecordingTransport(false);
  }

  public static RecordingTransport held() {
    return new RecordingTransport(true);
  }

  @Override
  public void write(String text, Consumer<Throwable> done) {
    synchronized (this) {
      written.add(text);
      notifyAll();
      if (held) {
        inFlight.add(done);
        maxInFlight = Math.max(maxInFlight, inFlight.size());
        return;
      }
    }
    done.accept(null);
  }

  /** Completes the oldest held write successfully. */
  public void completeNext() {
    Consumer<Throwable> done;
    synchronized (this) {
      done = inFlight.poll();
    }
    done.accept(null);
  }

  @Override
  public synchronized void close(int code, String reason) {
    closeCode = code;
  }

  @Override
  public void closeHere(int code, String reason) {
    close(code, reason);
  }

  public synchronized List<String> written() {
    return List.copyOf(written);
  }

  /**
   * How many times {@code text} has been written once it has been written at least once, or after
   * the timeout.
   */
  public synchronized long awaitWritten(String text, java.time.Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!written.contains(text) && System.nanoTime() < deadline) {
      java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
    }
    return written.stream().filter(text::equals).count();
  }

  /** Whether a frame containing {@code fragment} was written before the timeout. */
  public synchronized boolean awaitWrittenContaining(String fragment, java.time.Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (written.stream().noneMatch(w -> w.contains(fragment)) && System.nanoTime() < deadline) {
      java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
    }
    return written.stream().anyMatch(w -> w.contains(fragment));
  }

  public synchronized int maxInFlight() {
    return maxInFlight;
  }

  public synchronized Integer closeCode() {
    return closeCode;
  }
}
