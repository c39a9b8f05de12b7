package io.switchboard.stream;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.switchboard.cluster.LocalBus;
import io.switchboard.cluster.RedisEngine;
import io.switchboard.cluster.RedisScript;
import io.switchboard.config.HubConfig;
import io.switchboard.config.RoomSettings;
import io.switchboard.protocol.MessageType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The room streams of {@code WS_CLUSTER=redis}, shared by every node through one Redis server.
 *
 * <p>Per room, four keys with one {@code {room}} hash tag: {@code sb:{room}:m} (epoch and last
 * seq), {@code sb:{room}:h} (the history, a stream whose entry ids are the seqs, trimmed exactly to
 * {@code WS_ROOM_HISTORY}), {@code sb:{room}:d} and {@code sb:{room}:q} (the dedup window). A
 * publish is one Lua script ({@code publish.lua}): epoch created if missing, dedup, next seq,
 * history, then {@code PUBLISH} to the room's channel {@code sb:r:{room}}, so seqs have no hole
 * cluster-wide and every node receives a room's messages in seq order.
 *
 * <p>A node subscribes to a room's channel only while the room has members on it (or joiners), and
 * unsubscribes when the last one left; it rebuilds each message's frame once, whatever the number
 * of local members. Redis work per broadcast: one script, one PUBLISH to the nodes that listen,
 * independent of room size.
 *
 * <p>A join subscribes first, then reads the stream ({@code read.lua}), then attaches under the
 * room's {@link RoomLine} lock: replay up to where this node stands, then live, with no gap and no
 * duplicate. If Redis lost the stream (restart without persistence, expiry), the next script
 * creates a new epoch; members get {@code room.resync} and joiners with {@code since} get {@code
 * epoch_changed}.
 */
@ApplicationScoped
@Typed(RedisRoomStreams.class)
public class RedisRoomStreams implements RoomStreams {

  private static final Logger LOG = Logger.getLogger(RedisRoomStreams.class.getName());

  /** How long a room's epoch and seq outlive its last use: far beyond its history. */
  static final Duration META_TTL = Duration.ofDays(30);

  /** How long the history of a room without an age bound outlives its last message. */
  static final Duration HISTORY_TTL = Duration.ofDays(1);

  static final String CHANNEL_PREFIX = "sb:r:";

  private static final RedisScript PUBLISH =
      RedisScript.load(RedisRoomStreams.class, "publish.lua", ScriptOutputType.MULTI);
  private static final RedisScript READ =
      RedisScript.load(RedisRoomStreams.class, "read.lua", ScriptOutputType.MULTI);
  private static final int ATTEMPTS = 3;

  private final RoomSettings settings;
  private final RedisEngine engine;
  private final RoomDelivery delivery;
  private final ConcurrentHashMap<String, RoomLine> lines = new ConcurrentHashMap<>();

  @Inject
  public RedisRoomStreams(HubConfig config, RedisEngine engine, LocalBus bus) {
    this(config.settings().rooms(), engine, bus::toRoom);
  }

  /** Streams on {@code engine}, handing this node's deliveries to {@code delivery}. */
  public RedisRoomStreams(RoomSettings settings, RedisEngine engine, RoomDelivery delivery) {
    this.settings = settings;
    this.engine = engine;
    this.delivery = delivery;
    if (engine != null) {
      engine.listen(CHANNEL_PREFIX, this::onMessage);
      engine.onReconnect(this::checkAll);
    }
  }

  /** For the container's client proxy only. */
  protected RedisRoomStreams() {
    this((RoomSettings) null, null, null);
  }

  /** The channel of a room's messages. */
  public static String channel(String roomId) {
    return CHANNEL_PREFIX + "{" + roomId + "}";
  }

  @Override
  public RoomStream of(String roomId) {
    return new RoomStream() {
      @Override
      public CompletionStage<Published> publish(
          String publishKey, Sequenced frame, String exceptConnectionId, long nowNanos) {
        return RedisRoomStreams.this.publish(roomId, publishKey, frame, exceptConnectionId);
      }

      @Override
      public CompletionStage<Optional<Replay>> attach(
          String memberId,
          BooleanSupplier attach,
          Position since,
          int history,
          Consumer<Replay> deliver,
          long nowNanos) {
        RoomLine line = acquire(roomId);
        return RedisRoomStreams.this
            .attach(line, attach, since, history, deliver, 1)
            .whenComplete(
                (replay, failure) -> settle(line, memberId, failure == null && replay.isPresent()));
      }

      @Override
      public CompletionStage<Replay> read(Position since, int history, long nowNanos) {
        RoomLine line = acquire(roomId);
        return RedisRoomStreams.this
            .attach(line, () -> true, since, history, replay -> {}, 1)
            .whenComplete((replay, failure) -> settle(line, null, false))
            .thenApply(Optional::orElseThrow);
      }
    };
  }

  @Override
  public boolean detach(String roomId, String memberId, BooleanSupplier detach) {
    RoomLine line = lines.get(roomId);
    if (line == null) {
      return detach.getAsBoolean();
    }
    boolean left = line.detach(detach);
    if (left) {
      update(line, () -> line.members.remove(memberId));
    }
    return left;
  }

  /** Rooms this node listens to now. */
  public int listening() {
    return lines.size();
  }

  private CompletionStage<Published> publish(
      String roomId, String publishKey, Sequenced frame, String except) {
    Sequenced.Template template = frame.template();
    String[] keys = keys(roomId);
    return engine
        .<List<Object>>eval(
            PUBLISH,
            keys,
            newEpoch(),
            publishKey == null ? "" : publishKey,
            Long.toString(settings.dedupWindow().toMillis()),
            Integer.toString(settings.dedupCapacity()),
            Integer.toString(settings.history()),
            Long.toString(historyTtl().toMillis()),
            Long.toString(META_TTL.toMillis()),
            channel(roomId),
            except == null ? "" : except,
            template.type().name(),
            template.head(),
            template.tail())
        .handle(RedisRoomStreams::orUnavailable)
        .thenCompose(
            reply -> {
              Published published =
                  new Published(
                      (Long) reply.get(1), text(reply.get(0)), ((Long) reply.get(2)) == 1);
              RoomLine line = lines.get(roomId);
              if (published.duplicate() || line == null) {
                return CompletableFuture.completedFuture(published);
              }
              return line.delivered(published.epoch(), published.seq())
                  .thenApply(delivered -> published);
            });
  }

  private CompletionStage<Optional<Replay>> attach(
      RoomLine line,
      BooleanSupplier attach,
      Position since,
      int count,
      Consumer<Replay> deliver,
      int attempt) {
    return line.subscribed
        .handle(RedisRoomStreams::orUnavailable)
        .thenCompose(subscribed -> read(line.roomId))
        .thenCompose(
            snapshot -> {
              Optional<Optional<Replay>> done =
                  line.attach(snapshot, attach, since, count, deliver);
              if (done.isPresent()) {
                return CompletableFuture.completedFuture(done.get());
              }
              if (attempt >= ATTEMPTS) {
                throw new StreamUnavailableException(
                    "room " + line.roomId + " moved too fast to join", null);
              }
              return attach(line, attach, since, count, deliver, attempt + 1);
            });
  }

  private CompletionStage<RoomLine.Snapshot> read(String roomId) {
    return engine
        .<List<Object>>eval(
            READ,
            keys(roomId),
            newEpoch(),
            Long.toString(settings.historyMaxAge().toMillis()),
            Long.toString(META_TTL.toMillis()))
        .handle(RedisRoomStreams::orUnavailable)
        .thenApply(RedisRoomStreams::snapshot);
  }

  private static RoomLine.Snapshot snapshot(List<Object> reply) {
    String epoch = text(reply.get(0));
    NavigableMap<Long, RoomLine.Held> history = new TreeMap<>();
    for (int i = 2; i + 4 < reply.size() + 1; i += 5) {
      String id = text(reply.get(i));
      long seq = Long.parseLong(id.substring(0, id.indexOf('-')));
      var template =
          new Sequenced.Template(
              MessageType.valueOf(text(reply.get(i + 1))),
              text(reply.get(i + 2)),
              text(reply.get(i + 3)));
      String except = text(reply.get(i + 4));
      history.put(
          seq, new RoomLine.Held(template.frame(seq, epoch), except.isEmpty() ? null : except));
    }
    return new RoomLine.Snapshot(epoch, (Long) reply.get(1), history);
  }

  private RoomLine acquire(String roomId) {
    return lines.compute(
        roomId,
        (id, line) -> {
          RoomLine held = line;
          if (held == null) {
            held = new RoomLine(id, delivery, settings.history());
            held.subscribed = engine.subscribe(channel(id));
          }
          held.joining++;
          return held;
        });
  }

  /** A join finished: the joiner is a member now, or it is not (refused, failed). */
  private void settle(RoomLine line, String memberId, boolean member) {
    update(
        line,
        () -> {
          line.joining--;
          if (member) {
            line.members.add(memberId);
          }
        });
  }

  /**
   * Applies {@code change} to the line's membership and, once it has neither members nor joiners,
   * forgets the room and stops listening to its channel. Atomic with {@link #acquire}.
   */
  private void update(RoomLine line, Runnable change) {
    lines.computeIfPresent(
        line.roomId,
        (id, current) -> {
          if (current != line) {
            return current;
          }
          change.run();
          if (current.joining > 0 || !current.members.isEmpty()) {
            return current;
          }
          current.close();
          engine
              .unsubscribe(channel(id))
              .exceptionally(
                  failure -> {
                    LOG.fine(() -> "unsubscribe of room " + id + " failed: " + failure);
                    return null;
                  });
          return null;
        });
  }

  private void onMessage(String channel, String message) {
    if (!message.startsWith("m\n")) {
      return;
    }
    String roomId = channel.substring(CHANNEL_PREFIX.length() + 1, channel.length() - 1);
    RoomLine line = lines.get(roomId);
    if (line == null) {
      return;
    }
    String[] parts = message.split("\n", 7);
    line.receive(
        new RoomLine.Message(
            parts[1],
            Long.parseLong(parts[2]),
            parts[3].isEmpty() ? null : parts[3],
            new Sequenced.Template(MessageType.valueOf(parts[4]), parts[5], parts[6])));
  }

  /**
   * After a reconnect: once the room channels are subscribed again, each room this node listens to
   * catches up from its history or tells its members to resync.
   */
  private void checkAll() {
    List<RoomLine> listening = List.copyOf(lines.values());
    if (listening.isEmpty()) {
      return;
    }
    engine
        .confirm(listening.stream().map(line -> channel(line.roomId)).toArray(String[]::new))
        .whenComplete((confirmed, failure) -> listening.forEach(this::check));
  }

  private void check(RoomLine line) {
    read(line.roomId)
        .thenAccept(line::check)
        .exceptionally(
            failure -> {
              LOG.warning(() -> "room " + line.roomId + " not checked after reconnect: " + failure);
              return null;
            });
  }

  private Duration historyTtl() {
    return settings.historyMaxAge().isZero() ? HISTORY_TTL : settings.historyMaxAge();
  }

  private static String[] keys(String roomId) {
    String tag = "sb:{" + roomId + "}:";
    return new String[] {tag + "m", tag + "h", tag + "d", tag + "q"};
  }

  private static String newEpoch() {
    return Long.toHexString(UUID.randomUUID().getMostSignificantBits());
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  /** Redis's failures as the seam's: unreachable or slow is retryable, anything else is a bug. */
  private static <T> T orUnavailable(T value, Throwable failure) {
    if (failure == null) {
      return value;
    }
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof StreamUnavailableException unavailable) {
      throw unavailable;
    }
    if (cause instanceof RedisCommandExecutionException) {
      throw new IllegalStateException("Redis refused a room stream script", cause);
    }
    throw new StreamUnavailableException("Redis unavailable: " + cause.getMessage(), cause);
  }
}
