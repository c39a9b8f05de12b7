package io.switchboard.stream;

import io.switchboard.cluster.LocalBus;
import io.switchboard.config.HubConfig;
import io.switchboard.config.RoomSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The streams of this node's rooms, at most {@code WS_ROOM_STREAMS} of them. A stream outlives its
 * room's members (a later joiner still gets the history) and is evicted only when nobody is in its
 * room or joining it: a room with members keeps its epoch, history and dedup window, whatever other
 * rooms are created. Beyond the bound, the least recently used room without members is evicted (and
 * starts a new epoch when it is next used); when every stream has members, a join that would create
 * one more is refused ({@link StreamLimitException}).
 *
 * <p>A stream counts against the user whose join created it, at most {@code
 * WS_ROOM_STREAMS_PER_USER}; beyond, the user's own least recently used stream without members
 * makes way, never another user's. So no single user, nor any of its connections, can push the
 * other rooms' streams out by creating rooms.
 */
@ApplicationScoped
@Typed(MemoryRoomStreams.class)
public class MemoryRoomStreams implements RoomStreams {

  private static final Logger LOG = Logger.getLogger(MemoryRoomStreams.class.getName());

  private final HubConfig config;
  private final RoomDelivery delivery;
  private final ConcurrentHashMap<String, MemoryRoomStream> streams = new ConcurrentHashMap<>();

  /** Streams held per creating user; guarded by itself, as are creations and evictions. */
  private final Map<String, Integer> created = new HashMap<>();

  @Inject
  public MemoryRoomStreams(HubConfig config, LocalBus bus) {
    this(config, bus::toRoom);
  }

  /** Streams delivering through {@code delivery}. */
  public MemoryRoomStreams(HubConfig config, RoomDelivery delivery) {
    this.config = config;
    this.delivery = delivery;
  }

  /** For the container's client proxy only. */
  protected MemoryRoomStreams() {
    this(null, (RoomDelivery) null);
  }

  @Override
  public RoomStream of(String roomId) {
    MemoryRoomStream existing = streams.get(roomId);
    if (existing != null) {
      return existing;
    }
    MemoryRoomStream stream = reserve(roomId, null);
    stream.release();
    return stream;
  }

  @Override
  public RoomStream forJoin(String roomId, String userId) {
    MemoryRoomStream stream = reserve(roomId, userId);
    return new RoomStream() {
      @Override
      public CompletionStage<Published> publish(
          String publishKey, Sequenced frame, String exceptConnectionId, long nowNanos) {
        return stream.publish(publishKey, frame, exceptConnectionId, nowNanos);
      }

      @Override
      public CompletionStage<Optional<Replay>> attach(
          String memberId,
          BooleanSupplier attach,
          Position since,
          int history,
          Consumer<Replay> deliver,
          long nowNanos) {
        try {
          return stream.attach(memberId, attach, since, history, deliver, nowNanos);
        } finally {
          stream.release();
        }
      }
    };
  }

  @Override
  public boolean detach(String roomId, String memberId, BooleanSupplier detach) {
    MemoryRoomStream stream = streams.get(roomId);
    return stream == null ? detach.getAsBoolean() : stream.detach(memberId, detach);
  }

  /** Streams held now. */
  public int count() {
    return streams.size();
  }

  /**
   * The room's stream, reserved for one joiner (so not evicted until released), created if need be.
   */
  private MemoryRoomStream reserve(String roomId, String userId) {
    MemoryRoomStream existing = streams.get(roomId);
    if (existing != null && existing.reserve()) {
      return existing;
    }
    synchronized (created) {
      // Evictions happen under this lock: a stream still in the map now is not evicted.
      MemoryRoomStream present = streams.get(roomId);
      if (present != null && present.reserve()) {
        return present;
      }
      RoomSettings settings = config.settings().rooms();
      makeWay(settings, userId);
      MemoryRoomStream stream =
          new MemoryRoomStream(
              roomId, userId, delivery, StreamLimits.of(settings), System.nanoTime());
      stream.reserve();
      streams.put(roomId, stream);
      if (userId != null) {
        created.merge(userId, 1, Integer::sum);
      }
      return stream;
    }
  }

  /** Makes way for one more stream created by {@code userId}, evicting streams without members. */
  private void makeWay(RoomSettings settings, String userId) {
    if (userId != null
        && created.getOrDefault(userId, 0) >= settings.maxStreamsPerUser()
        && !evictOldestIdle(s -> userId.equals(s.creator()))) {
      throw new StreamLimitException(
          "the user holds WS_ROOM_STREAMS_PER_USER ("
              + settings.maxStreamsPerUser()
              + ") room streams, all with members");
    }
    while (streams.size() >= settings.maxStreams()) {
      if (!evictOldestIdle(s -> true)) {
        throw new StreamLimitException(
            "this node holds WS_ROOM_STREAMS ("
                + settings.maxStreams()
                + ") room streams, all with members");
      }
    }
  }

  /**
   * Evicts the least recently used stream among {@code candidates} that nobody is in or joining;
   * false when there is none. Scans only when a new stream needs the room, so once per new room.
   */
  private boolean evictOldestIdle(Predicate<MemoryRoomStream> candidates) {
    while (true) {
      Optional<MemoryRoomStream> oldest =
          streams.values().stream()
              .filter(candidates)
              .filter(MemoryRoomStream::idle)
              .min(Comparator.comparingLong(MemoryRoomStream::lastUsedNanos));
      if (oldest.isEmpty()) {
        return false;
      }
      MemoryRoomStream evicted = oldest.get();
      if (evicted.evictIfIdle()) {
        streams.remove(evicted.roomId());
        if (evicted.creator() != null) {
          created.computeIfPresent(evicted.creator(), (user, n) -> n == 1 ? null : n - 1);
        }
        LOG.fine(() -> "room stream evicted room=" + evicted.roomId());
        return true;
      }
    }
  }
}
