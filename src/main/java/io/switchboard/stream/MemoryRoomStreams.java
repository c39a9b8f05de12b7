package io.switchboard.stream;

import io.switchboard.cluster.LocalBus;
import io.switchboard.config.HubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The streams of this node's rooms, at most {@code WS_ROOM_STREAMS} of them. A stream outlives its
 * room's members (a later joiner still gets the history); when the bound is passed, the stream used
 * least recently is evicted, and the room starts a new epoch when it is next used.
 */
@ApplicationScoped
@Typed(MemoryRoomStreams.class)
public class MemoryRoomStreams implements RoomStreams {

  private static final Logger LOG = Logger.getLogger(MemoryRoomStreams.class.getName());

  private final HubConfig config;
  private final RoomDelivery delivery;
  private final ConcurrentHashMap<String, MemoryRoomStream> streams = new ConcurrentHashMap<>();

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
    return stream(roomId);
  }

  @Override
  public boolean detach(String roomId, String memberId, BooleanSupplier detach) {
    MemoryRoomStream stream = streams.get(roomId);
    return stream == null ? detach.getAsBoolean() : stream.detach(detach);
  }

  private MemoryRoomStream stream(String roomId) {
    MemoryRoomStream existing = streams.get(roomId);
    if (existing != null) {
      return existing;
    }
    long now = System.nanoTime();
    MemoryRoomStream stream =
        streams.computeIfAbsent(
            roomId,
            id ->
                new MemoryRoomStream(
                    id, delivery, StreamLimits.of(config.settings().rooms()), now));
    evictBeyond(config.settings().rooms().maxStreams(), roomId);
    return stream;
  }

  /** Streams held now. */
  public int count() {
    return streams.size();
  }

  /** Scans only when a new stream pushed the count past the bound, so at most once per new room. */
  private void evictBeyond(int max, String keep) {
    while (streams.size() > max) {
      streams.entrySet().stream()
          .filter(e -> !e.getKey().equals(keep))
          .min(Comparator.comparingLong(e -> e.getValue().lastUsedNanos()))
          .map(Map.Entry::getKey)
          .ifPresent(
              evicted -> {
                streams.remove(evicted);
                LOG.fine(() -> "room stream evicted room=" + evicted);
              });
    }
  }
}
