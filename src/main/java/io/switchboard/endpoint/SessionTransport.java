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

  private final Session session;
  private final Executor executor;

  SessionTransport(Session session, Executor executor) {
    this.session = session;
    this.executor = executor;
  }

  @Override
  public void write(String text, Consumer<Throwable> done) {
    try {
      session
          .getAsyncRemote()
          .sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
    } catch (RuntimeException e) {
      done.accept(e);
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
