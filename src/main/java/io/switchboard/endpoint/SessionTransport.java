package io.switchboard.endpoint;

import io.switchboard.registry.Transport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link Transport} over a Jakarta WebSocket session. Writes use the asynchronous remote; closes
 * run on the managed executor, because {@code Session.close} writes a close frame and may block on
 * a stalled peer.
 */
final class SessionTransport implements Transport {

  private static final Logger LOG = Logger.getLogger(SessionTransport.class.getName());
  private static final ClassLoader SEND_LOADER = ClassLoader.getPlatformClassLoader();

  private final Session session;
  private final Executor executor;

  SessionTransport(Session session, Executor executor) {
    this.session = session;
    this.executor = executor;
  }

  /**
   * Sends with the platform class loader as the thread's context class loader. Payara's Tyrus
   * schedules an idle-timeout task on the managed scheduler for every message sent, whatever the
   * idle timeout, and capturing the task's context runs a {@code ServiceLoader} scan of every jar
   * visible to the context class loader: with the application's loader that scan was three quarters
   * of the hub's CPU time in a fan-out (docs/performance.md). The completion runs with the
   * application's loader again.
   */
  @Override
  public void write(String text, Consumer<Throwable> done) {
    Thread thread = Thread.currentThread();
    ClassLoader application = thread.getContextClassLoader();
    thread.setContextClassLoader(SEND_LOADER);
    try {
      session
          .getAsyncRemote()
          .sendText(
              text,
              result ->
                  withLoader(application, done, result.isOK() ? null : result.getException()));
    } catch (RuntimeException e) {
      withLoader(application, done, e);
    } finally {
      thread.setContextClassLoader(application);
    }
  }

  /**
   * Runs a session call that makes Payara's Tyrus schedule its idle-timeout task ({@code
   * setMaxIdleTimeout} does, as every send does) with the platform class loader as the thread's
   * context class loader, for the reason given on {@link #write}.
   */
  static void outsideApplicationLoader(Runnable call) {
    withLoader(SEND_LOADER, Runnable::run, call);
  }

  /**
   * Runs {@code action} on {@code argument} with {@code loader} as the thread's context class
   * loader, then puts the caller's back. The argument is passed rather than captured, so that the
   * send path allocates nothing more per message.
   */
  private static <T> void withLoader(ClassLoader loader, Consumer<T> action, T argument) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      action.accept(argument);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Override
  public void close(int code, String reason) {
    try {
      executor.execute(() -> closeNow(code, reason));
    } catch (RejectedExecutionException e) {
      closeNow(code, reason);
    }
  }

  @Override
  public void closeHere(int code, String reason) {
    closeNow(code, reason);
  }

  private void closeNow(int code, String reason) {
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "close of session " + session.getId() + " failed", e);
    }
  }
}
