package io.switchboard.stream;

import io.switchboard.protocol.Frame;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 *
 * <p>The stream knows its members (connection ids) and its pending joiners, so that {@link
 * MemoryRoomStreams} only ever evicts a stream nobody is in or joining: {@link #evictIfIdle} and
 * {@link #reserve} exclude each other under the stream's lock.
 */
final class MemoryRoomStream implements RoomStream {

  private final String epoch = Long.toHexString(UUID.randomUUID().getMostSignificantBits());
  private final String roomId;
  private final String creator;
  private final RoomDelivery delivery;
  private final History history;
  private final DedupWindow dedup;
  private long lastSeq;
  private volatile long lastUsedNanos;
  private final Set<String> members = new HashSet<>();
  private int joining;
  private boolean evicted;

  /** A new stream of {@code roomId}, created by the user {@code creator} (null for none). */
  MemoryRoomStream(
      String roomId, String creator, RoomDelivery delivery, StreamLimits limits, long nowNanos) {
    this.roomId = roomId;
    this.creator = creator;
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
    return CompletableFuture.completedFuture(
        attachNow(memberId, attach, since, count, deliver, nowNanos));
  }

  /** Runs {@code detach}; when it took {@code memberId} out, the stream no longer counts it. */
  synchronized boolean detach(String memberId, BooleanSupplier detach) {
    boolean left = detach.getAsBoolean();
    if (left) {
      members.remove(memberId);
    }
    return left;
  }

  /** Counts a joiner about to attach, so the stream is not evicted meanwhile; false if it was. */
  synchronized boolean reserve() {
    if (evicted) {
      return false;
    }
    joining++;
    return true;
  }

  /** Ends a {@link #reserve}: the joiner attached (or was refused). */
  synchronized void release() {
    joining--;
  }

  /** Whether nobody is in the stream's room or joining it now. */
  synchronized boolean idle() {
    return members.isEmpty() && joining == 0;
  }

  /** Marks the stream evicted when it is {@link #idle}; a stream with members never is. */
  synchronized boolean evictIfIdle() {
    if (!idle()) {
      return false;
    }
    evicted = true;
    return true;
  }

  String roomId() {
    return roomId;
  }

  /** The user who created the stream, null for none. */
  String creator() {
    return creator;
  }

  private synchronized Optional<Replay> attachNow(
      String memberId,
      BooleanSupplier attach,
      Position since,
      int count,
      Consumer<Replay> deliver,
      long nowNanos) {
    lastUsedNanos = nowNanos;
    if (!attach.getAsBoolean()) {
      return Optional.empty();
    }
    members.add(memberId);
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
