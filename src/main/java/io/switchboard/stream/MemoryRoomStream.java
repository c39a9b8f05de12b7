package io.switchboard.stream;

import io.switchboard.protocol.Frame;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A {@link RoomStream} held on this node. One lock per room serialises sequencing with delivery and
 * with joins: that is what makes order and gap-free replay hold. Delivery under it only queues
 * frames on connections (it never blocks), so the lock is held for microseconds, and only
 * publishers to the same room ever wait for each other. Every stage it returns is already complete.
 */
final class MemoryRoomStream implements RoomStream {

  private final String epoch = Long.toHexString(UUID.randomUUID().getMostSignificantBits());
  private final String roomId;
  private final RoomDelivery delivery;
  private final History history;
  private final DedupWindow dedup;
  private long lastSeq;
  private volatile long lastUsedNanos;

  MemoryRoomStream(String roomId, RoomDelivery delivery, StreamLimits limits, long nowNanos) {
    this.roomId = roomId;
    this.delivery = delivery;
    this.history = new History(limits.history(), limits.maxAgeNanos());
    this.dedup = new DedupWindow(limits.dedupCapacity(), limits.dedupWindowNanos());
    this.lastUsedNanos = nowNanos;
  }

  String epoch() {
    return epoch;
  }

  @Override
  public CompletionStage<Published> publish(
      String publishKey, Sequenced frame, String exceptConnectionId, long nowNanos) {
    return CompletableFuture.completedFuture(
        publishNow(publishKey, frame, exceptConnectionId, nowNanos));
  }

  private synchronized Published publishNow(
      String publishKey, Sequenced frame, String exceptConnectionId, long nowNanos) {
    lastUsedNanos = nowNanos;
    if (publishKey != null) {
      long seen = dedup.find(publishKey, nowNanos);
      if (seen > 0) {
        return new Published(seen, epoch, true);
      }
    }
    long seq = ++lastSeq;
    Frame built = frame.frame(seq, epoch);
    history.append(seq, built, nowNanos);
    if (publishKey != null) {
      dedup.remember(publishKey, seq, nowNanos);
    }
    delivery.toRoom(roomId, built, exceptConnectionId);
    return new Published(seq, epoch, false);
  }

  @Override
  public CompletionStage<Optional<Replay>> attach(
      String memberId,
      BooleanSupplier attach,
      Position since,
      int count,
      Consumer<Replay> deliver,
      long nowNanos) {
    return CompletableFuture.completedFuture(attachNow(attach, since, count, deliver, nowNanos));
  }

  @Override
  public CompletionStage<Replay> read(Position since, int count, long nowNanos) {
    return CompletableFuture.completedFuture(
        attachNow(() -> true, since, count, replay -> {}, nowNanos).orElseThrow());
  }

  synchronized boolean detach(BooleanSupplier detach) {
    return detach.getAsBoolean();
  }

  private synchronized Optional<Replay> attachNow(
      BooleanSupplier attach, Position since, int count, Consumer<Replay> deliver, long nowNanos) {
    lastUsedNanos = nowNanos;
    if (!attach.getAsBoolean()) {
      return Optional.empty();
    }
    history.trim(nowNanos);
    Continuity continuity =
        Continuity.decide(since, epoch, lastSeq, history.oldestSeq(lastSeq + 1));
    List<Frame> frames =
        continuity == Continuity.RECOVERED ? history.after(since.seq()) : history.last(count);
    Replay replay = new Replay(epoch, lastSeq, continuity, frames);
    deliver.accept(replay);
    return Optional.of(replay);
  }

  long lastUsedNanos() {
    return lastUsedNanos;
  }
}
