package io.switchboard.registry;

import java.util.function.Consumer;

/**
 * The socket under a {@link Connection}: asynchronous, one write at a time. Kept apart from {@code
 * jakarta.websocket.Session} so the queueing rules can be tested without a server.
 */
public interface Transport {

  /**
   * Starts writing {@code text}; {@code done} receives {@code null} on success or the failure.
   * Never blocks.
   */
  void write(String text, Consumer<Throwable> done);

  /** Closes the socket with a close code and reason. Never blocks the caller. */
  void close(int code, String reason);

  /**
   * Closes the socket on the calling thread. For shutdown only: by then the container's managed
   * executors and write-completion callbacks no longer run, so a deferred close would never happen.
   */
  void closeHere(int code, String reason);
}
