package io.switchboard.stream;

import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One room as this node delivers it from Redis, while it has local members (or joiners): the epoch
 * and last seq delivered here, a ring of recently delivered frames, and the messages that arrived
 * before the first join's read told where the stream stands. One lock serialises delivery, joins
 * and leaves, as in memory.
 *
 * <p>Delivery rule: a message whose seq is the next one is delivered; one already delivered (seq
 * not above the last) is dropped, so the copy of a message that a join's read already covered
 * reaches no one twice; one beyond the next means this node missed messages, and so does a new
 * epoch: its members get {@code room.resync} (durable) and rejoin with {@code since}.
 */
final class RoomLine {

  private static final int PENDING_LIMIT = 10_000;

  /** A message as Redis published it on the room's channel. */
  record Message(String epoch, long seq, String except, Sequenced.Template template) {}

  /** A message held in the history, and the connection it was not for. */
  record Held(Frame frame, String except) {}

  /** The stream as a read found it: epoch, last seq, and the history held, oldest first. */
  record Snapshot(String epoch, long seq, NavigableMap<Long, Held> history) {}

  final String roomId;
  private final RoomDelivery delivery;
  private final int history;
  private final int ringSize;

  /** Joins in progress and this node's members; changed only inside the streams' map update. */
  int joining;

  final Set<String> members = new HashSet<>();
  CompletionStage<Void> subscribed;

  private String epoch;
  private long last;
  private final Deque<Map.Entry<Long, Frame>> ring = new ArrayDeque<>();
  private final List<Message> pending = new ArrayList<>();
  private boolean pendingOverflowed;
  private final NavigableMap<Long, List<CompletableFuture<Void>>> waiters = new TreeMap<>();

  RoomLine(String roomId, RoomDelivery delivery, int history) {
    this.roomId = roomId;
    this.delivery = delivery;
    this.history = history;
    this.ringSize = Math.max(history, 64);
  }

  synchronized void receive(Message message) {
    if (epoch == null) {
      if (pending.size() < PENDING_LIMIT) {
        pending.add(message);
      } else {
        pendingOverflowed = true;
      }
      return;
    }
    if (!message.epoch().equals(epoch)) {
      resync("epoch_changed");
      epoch = message.epoch();
      moveTo(message.seq() - 1);
    } else if (message.seq() <= last) {
      return;
    } else if (message.seq() > last + 1) {
      resync("messages_missed");
      moveTo(message.seq() - 1);
    }
    Frame frame = message.template().frame(message.seq(), message.epoch());
    delivery.toRoom(roomId, frame, message.except());
    remember(message.seq(), frame);
    last = message.seq();
    release(last);
  }

  /**
   * Joins a connection at the position a read found ({@code snapshot}), after this node caught up
   * to it. Empty when the ring no longer covers what this node delivered since the read: the caller
   * reads again.
   */
  synchronized Optional<Optional<Replay>> attach(
      Snapshot snapshot,
      BooleanSupplier attach,
      Position since,
      int count,
      Consumer<Replay> deliver) {
    boolean first = epoch == null;
    catchUp(snapshot);
    NavigableMap<Long, Frame> held = new TreeMap<>();
    snapshot.history().forEach((seq, entry) -> held.put(seq, entry.frame()));
    for (Map.Entry<Long, Frame> recent : ring) {
      if (recent.getKey() > snapshot.seq()) {
        held.put(recent.getKey(), recent.getValue());
      }
    }
    if (last > snapshot.seq() && !held.containsKey(snapshot.seq() + 1)) {
      return Optional.empty();
    }
    while (held.size() > history) {
      held.pollFirstEntry();
    }
    if (!attach.getAsBoolean()) {
      drainPending(first);
      return Optional.of(Optional.empty());
    }
    Continuity continuity =
        Continuity.decide(since, epoch, last, held.isEmpty() ? last + 1 : held.firstKey());
    List<Frame> frames =
        continuity == Continuity.RECOVERED
            ? List.copyOf(held.tailMap(since.seq(), false).values())
            : lastOf(held, count);
    Replay replay = new Replay(epoch, last, continuity, frames);
    deliver.accept(replay);
    drainPending(first);
    return Optional.of(Optional.of(replay));
  }

  /**
   * After a reconnect: brings this node to where the stream stands, delivering what it missed from
   * the history when that is contiguous, else telling members to resync.
   */
  synchronized void check(Snapshot snapshot) {
    if (epoch != null) {
      catchUp(snapshot);
    }
  }

  /** Completes once this node delivered {@code seq} of {@code epoch} (or moved past it). */
  synchronized CompletionStage<Void> delivered(String messageEpoch, long seq) {
    if (epoch != null && (!epoch.equals(messageEpoch) || last >= seq)) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    waiters.computeIfAbsent(seq, s -> new ArrayList<>()).add(done);
    return done;
  }

  /** The room has no local member left: nothing more will be delivered here. */
  synchronized void close() {
    waiters.values().forEach(list -> list.forEach(w -> w.complete(null)));
    waiters.clear();
  }

  synchronized boolean detach(BooleanSupplier detach) {
    return detach.getAsBoolean();
  }

  private void catchUp(Snapshot snapshot) {
    if (epoch == null) {
      epoch = snapshot.epoch();
      moveTo(snapshot.seq());
      snapshot.history().forEach((seq, entry) -> remember(seq, entry.frame()));
      return;
    }
    if (!epoch.equals(snapshot.epoch())) {
      resync("epoch_changed");
      epoch = snapshot.epoch();
      moveTo(snapshot.seq());
      return;
    }
    if (snapshot.seq() <= last) {
      return;
    }
    if (!snapshot.history().containsKey(last + 1)) {
      resync("messages_missed");
      moveTo(snapshot.seq());
      return;
    }
    for (Map.Entry<Long, Held> missed : snapshot.history().tailMap(last, false).entrySet()) {
      delivery.toRoom(roomId, missed.getValue().frame(), missed.getValue().except());
      remember(missed.getKey(), missed.getValue().frame());
    }
    last = snapshot.seq();
    release(last);
  }

  private void drainPending(boolean first) {
    if (!first) {
      return;
    }
    List<Message> arrived = List.copyOf(pending);
    pending.clear();
    if (pendingOverflowed) {
      pendingOverflowed = false;
      resync("messages_missed");
    }
    arrived.forEach(this::receive);
  }

  private void moveTo(long seq) {
    last = seq;
    ring.clear();
    release(seq);
  }

  private void remember(long seq, Frame frame) {
    ring.addLast(Map.entry(seq, frame));
    while (ring.size() > ringSize) {
      ring.removeFirst();
    }
  }

  private void release(long upTo) {
    var done = waiters.headMap(upTo, true);
    done.values().forEach(list -> list.forEach(w -> w.complete(null)));
    done.clear();
  }

  private void resync(String reason) {
    delivery.toRoom(
        roomId,
        Frame.fromServer(
            MessageType.ROOM_RESYNC,
            Json.PROVIDER
                .createObjectBuilder()
                .add("room_id", roomId)
                .add("reason", reason)
                .build()),
        null);
  }

  private static List<Frame> lastOf(NavigableMap<Long, Frame> held, int count) {
    List<Frame> all = List.copyOf(held.values());
    return all.subList(Math.max(0, all.size() - count), all.size());
  }
}
