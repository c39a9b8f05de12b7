package io.switchboard.bridge;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.switchboard.config.BridgeSettings;
import io.switchboard.config.HubConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's one connection to NATS, when {@code WS_NATS_URL} is set. It connects in the
 * background, so a NATS server that is down delays nothing but the bridge, and reconnects forever;
 * while it reconnects, outgoing messages are buffered up to {@code WS_NATS_RECONNECT_BUFFER} bytes.
 *
 * <p>Threads: the client's reader, writer, dispatchers, connect and callback tasks run on a pool of
 * the container's {@link ManagedThreadFactory} threads owned by this bean, its timers on one more
 * such thread (not on the container's managed executors: the client calls lifecycle methods such as
 * {@code isShutdown} on its executors, which managed executors refuse); none runs on a container
 * I/O thread. Once connected (and after every reconnect) it fires {@link NatsReady} so that
 * consumers can (re)attach.
 */
@ApplicationScoped
public class NatsLink {

  private static final Logger LOG = Logger.getLogger(NatsLink.class.getName());

  /** The client needs a handful of long-lived tasks (reader, writer, one per dispatcher). */
  private static final int MAX_THREADS = 16;

  @Resource ManagedThreadFactory threadFactory;
  @Inject HubConfig config;
  @Inject Event<NatsReady> ready;

  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicLong disconnects = new AtomicLong();
  private volatile Connection connection;
  private volatile boolean connected;
  private ThreadPoolExecutor pool;
  private ScheduledThreadPoolExecutor timers;
  private Future<?> connecting;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    BridgeSettings settings = config.settings().bridge();
    if (!settings.enabled()) {
      return;
    }
    pool =
        new ThreadPoolExecutor(
            0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory);
    timers = new ScheduledThreadPoolExecutor(1, threadFactory);
    timers.setRemoveOnCancelPolicy(true);
    Options options =
        options(settings)
            .executor(pool)
            .connectExecutor(pool)
            .callbackExecutor(pool)
            .scheduledExecutor(timers)
            .connectionListener(this::onEvent)
            .errorListener(new Errors())
            .build();
    LOG.info(() -> "NATS bridge connecting to " + settings.natsUrl());
    connecting =
        pool.submit(
            () -> {
              try {
                Nats.connectReconnectOnConnect(options);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (Exception e) {
                LOG.log(Level.WARNING, "NATS bridge could not connect", e);
              }
            });
  }

  /**
   * What the bridge needs of a connection, threads aside: reconnect forever with a bounded buffer,
   * and requests that fail fast and tell "no responders" from "timed out" apart.
   */
  static Options.Builder options(BridgeSettings settings) {
    return new Options.Builder()
        .servers(
            Arrays.stream(settings.natsUrl().split(",")).map(String::trim).toArray(String[]::new))
        .connectionName("switchboard")
        .maxReconnects(-1)
        .reconnectWait(Duration.ofMillis(500))
        .reconnectBufferSize(settings.reconnectBuffer())
        .reportNoResponders()
        .useTimeoutException()
        .requestCleanupInterval(Duration.ofMillis(250));
  }

  /** Whether the bridge is configured at all. */
  public boolean enabled() {
    return config.settings().bridge().enabled();
  }

  /** Whether the connection is up right now. */
  public boolean isConnected() {
    return connected;
  }

  /** The connection, once it has been established (it may be reconnecting). */
  public Optional<Connection> connection() {
    return Optional.ofNullable(connection);
  }

  public long reconnects() {
    return reconnects.get();
  }

  public long disconnects() {
    return disconnects.get();
  }

  @PreDestroy
  void stop() {
    if (connecting != null) {
      connecting.cancel(true);
    }
    Connection current = connection;
    if (current != null) {
      try {
        current.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (pool != null) {
      pool.shutdownNow();
      timers.shutdownNow();
    }
  }

  private void onEvent(Connection source, ConnectionListener.Events type) {
    switch (type) {
      case CONNECTED, RECONNECTED -> {
        connection = source;
        connected = true;
        if (type == ConnectionListener.Events.RECONNECTED) {
          reconnects.incrementAndGet();
        }
        LOG.info(() -> "NATS bridge " + type.getEvent() + ": " + source.getConnectedUrl());
        pool.execute(() -> ready.fire(new NatsReady(source)));
      }
      case DISCONNECTED -> {
        connected = false;
        disconnects.incrementAndGet();
        LOG.warning("NATS bridge disconnected; reconnecting");
      }
      case CLOSED -> {
        connected = false;
        LOG.info("NATS bridge connection closed");
      }
      default -> {}
    }
  }

  /** One log line per problem the client reports; never a message body. */
  private static final class Errors implements ErrorListener {
    @Override
    public void errorOccurred(Connection conn, String error) {
      LOG.warning(() -> "NATS error: " + error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
      LOG.fine(() -> "NATS client exception: " + exp);
    }

    @Override
    public void slowConsumerDetected(Connection conn, io.nats.client.Consumer consumer) {
      LOG.warning("NATS bridge is a slow consumer: messages were dropped by the client");
    }
  }
}
