package io.switchboard.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.switchboard.config.ClusterSettings;
import io.switchboard.config.HubConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's link to Redis when {@code WS_CLUSTER=redis}: one Lettuce client whose threads (two
 * I/O, two computation, the timer) all come from the container's {@link ManagedThreadFactory}, one
 * command connection and one pub/sub connection.
 *
 * <p>Guarantees the rest of the hub relies on:
 *
 * <ul>
 *   <li>Commands are written in the order they are issued on the one command connection, and Redis
 *       answers them in that order (FIFO).
 *   <li>Nothing waits on Redis: every call returns a {@link CompletionStage} completed on a Lettuce
 *       thread, whose continuations must not block.
 *   <li>While Redis is unreachable, commands fail at once (Lettuce's {@code REJECT_COMMANDS}); none
 *       is buffered to be replayed later, so nothing is confirmed that Redis did not do. At most
 *       {@code WS_REDIS_QUEUE} commands are in flight; a command unanswered after {@code
 *       WS_REDIS_TIMEOUT} fails.
 *   <li>The client reconnects by itself (every 100 ms to 2 s) and re-subscribes the pub/sub
 *       connection to every channel it had; {@link #onReconnect} hooks then run.
 * </ul>
 *
 * <p>A Redis that cannot be reached when the node starts fails the deployment, so that a
 * misconfigured URL is seen at once.
 */
@ApplicationScoped
public class RedisEngine {

  private static final Logger LOG = Logger.getLogger(RedisEngine.class.getName());

  /** The container's default ManagedThreadFactory (java:comp/DefaultManagedThreadFactory). */
  @Resource ManagedThreadFactory managedThreads;

  @Inject HubConfig config;

  private ClientResources resources;
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private StatefulRedisPubSubConnection<String, String> pubSub;
  private final List<Map.Entry<String, BiConsumer<String, String>>> listeners =
      new CopyOnWriteArrayList<>();
  private final String nodeId = UUID.randomUUID().toString();
  private final List<Runnable> reconnectHooks = new CopyOnWriteArrayList<>();
  private final RedisEngineStats stats = new RedisEngineStats();
  private final ConnectionStates states = new ConnectionStates();
  private volatile String target = "";

  /** For the container: connects after injection. */
  protected RedisEngine() {}

  /** An engine outside a container, on the given threads (tests). */
  public RedisEngine(ClusterSettings settings, ThreadFactory threads) {
    open(settings, threads);
  }

  @PostConstruct
  void start() {
    open(config.settings().cluster(), managedThreads);
  }

  private void open(ClusterSettings settings, ThreadFactory threads) {
    target = ClusterSettings.redacted(settings.redisUrl());
    resources =
        ClientResources.builder()
            .threadFactoryProvider(pool -> threads)
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            .reconnectDelay(
                () ->
                    Delay.exponential(
                        Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
            .build();
    client = RedisClient.create(resources, RedisURI.create(settings.redisUrl()));
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .requestQueueSize(settings.queue())
            .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
            .build());
    client.addListener(states);
    try {
      connection = client.connect(StringCodec.UTF8);
      pubSub = client.connectPubSub(StringCodec.UTF8);
    } catch (RuntimeException e) {
      shutdown();
      throw new IllegalStateException(
          "Switchboard cannot reach Redis at " + target + " (WS_REDIS_URL): " + e.getMessage(), e);
    }
    pubSub.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            dispatch(channel, message);
          }
        });
    LOG.info(() -> "Redis engine connected to " + target);
  }

  /** The asynchronous commands of the FIFO command connection. */
  public RedisAsyncCommands<String, String> commands() {
    return connection.async();
  }

  /**
   * Runs {@code script} with {@code keys} and {@code args}: {@code EVALSHA}, then {@code EVAL} once
   * if the server did not know the script. Completes with the script's reply, or exceptionally when
   * Redis is unreachable, slow or refuses.
   */
  public <T> CompletionStage<T> eval(RedisScript script, String[] keys, String... args) {
    long started = System.nanoTime();
    CompletableFuture<T> reply = new CompletableFuture<>();
    RedisAsyncCommands<String, String> commands = connection.async();
    commands
        .<T>evalsha(script.sha(), script.output(), keys, args)
        .whenComplete(
            (value, failure) -> {
              if (failure instanceof RedisNoScriptException
                  || failure != null && failure.getCause() instanceof RedisNoScriptException) {
                commands
                    .<T>eval(script.body(), script.output(), keys, args)
                    .whenComplete((v, f) -> complete(reply, v, f, started));
              } else {
                complete(reply, value, failure, started);
              }
            });
    return reply;
  }

  /** Subscribes the pub/sub connection; completes once Redis confirmed. */
  public CompletionStage<Void> subscribe(String... channels) {
    return pubSub.async().subscribe(channels).thenRun(() -> stats.subscribed(channels.length));
  }

  /**
   * Subscribes channels this node already listens to once more and completes once Redis confirmed:
   * after a reconnect, that is after Lettuce's own re-subscription on the same connection, so every
   * message published from then on is received. Counts nothing.
   */
  public CompletionStage<Void> confirm(String... channels) {
    return pubSub.async().subscribe(channels);
  }

  /** Unsubscribes; completes once Redis confirmed. */
  public CompletionStage<Void> unsubscribe(String... channels) {
    return pubSub.async().unsubscribe(channels).thenRun(() -> stats.unsubscribed(channels.length));
  }

  /**
   * Hands every message of a channel starting with {@code prefix} to {@code handler} (channel,
   * message), on the pub/sub connection's one I/O thread, in the order Redis sent them; several
   * handlers may listen to one prefix. The handler must not block.
   */
  public void listen(String prefix, BiConsumer<String, String> handler) {
    listeners.add(Map.entry(prefix, handler));
  }

  /** This node's id in the cluster: random, new at every start. */
  public String nodeId() {
    return nodeId;
  }

  /** Runs {@code hook} each time the engine got its connections back after losing one. */
  public void onReconnect(Runnable hook) {
    reconnectHooks.add(hook);
  }

  /**
   * Whether both connections are up now. A command that failed on a broken socket makes it false at
   * once, before the client itself notices that the connection is gone, so a caller that has just
   * been refused never sees the engine reported up.
   */
  public boolean isUp() {
    return !states.lost && bothOpen();
  }

  private boolean bothOpen() {
    return connection != null && connection.isOpen() && pubSub != null && pubSub.isOpen();
  }

  /** Where the engine connects, without the password. */
  public String target() {
    return target;
  }

  public RedisEngineStats stats() {
    return stats;
  }

  @PreDestroy
  public void shutdown() {
    if (client != null) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
    if (resources != null) {
      resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  private <T> void complete(CompletableFuture<T> reply, T value, Throwable failure, long started) {
    stats.command(System.nanoTime() - started, failure == null);
    if (brokenSocket(failure)) {
      states.lose();
    }
    if (failure == null) {
      reply.complete(value);
    } else {
      reply.completeExceptionally(failure);
    }
  }

  private void dispatch(String channel, String message) {
    for (Map.Entry<String, BiConsumer<String, String>> listener : listeners) {
      if (channel.startsWith(listener.getKey())) {
        try {
          listener.getValue().accept(channel, message);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "failed to handle a message of channel " + channel, e);
        }
      }
    }
  }

  /** Whether {@code failure} came from the socket itself (the connection will be reopened). */
  private static boolean brokenSocket(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** Counts reconnects and runs the hooks once both connections are back. */
  private final class ConnectionStates implements RedisConnectionStateListener {
    private volatile boolean lost;

    /** A connection broke (a command failed on its socket, or the client saw it close). */
    synchronized void lose() {
      if (!lost && connection != null) {
        lost = true;
        LOG.warning(() -> "Redis engine lost its connection to " + target);
      }
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
      if (lost && bothOpen()) {
        lost = false;
        stats.reconnected();
        LOG.info(() -> "Redis engine reconnected to " + target);
        reconnectHooks.forEach(Runnable::run);
      }
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
      lose();
    }
  }
}
