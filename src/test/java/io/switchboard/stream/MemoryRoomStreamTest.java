package io.switchboard.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.config.HubConfig;
import io.switchboard.config.Setting;
import io.switchboard.config.Settings;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.MessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryRoomStreamTest {

  private final List<Frame> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
  private final MemoryRoomStream stream =
      new MemoryRoomStream(
          "room",
          null,
          (room, frame, except) -> delivered.add(frame),
          new StreamLimits(3, 0, 10, 1000),
          0);

  private Published publish(String key, String text, long now) {
    return stream
        .publish(
            key, (seq, epoch) -> new Frame(MessageType.ROOM_BROADCAST, seq + ":" + text), null, now)
        .toCompletableFuture()
        .join();
  }

  private Replay attach(Position since, int history) {
    return stream
        .attach("m", () -> true, since, history, r -> {}, 0)
        .toCompletableFuture()
        .join()
        .orElseThrow();
  }

  @Test
  void messagesAreSequencedFromOneAndDeliveredInOrder() {
    assertThat(publish(null, "a", 0).seq()).isEqualTo(1);
    assertThat(publish(null, "b", 0).seq()).isEqualTo(2);

    assertThat(delivered).extracting(Frame::text).containsExactly("1:a", "2:b");
  }

  @Test
  void aRetryWithinTheWindowIsAcknowledgedWithTheFirstSequenceAndNotDeliveredAgain() {
    Published first = publish("k", "a", 0);
    Published retry = publish("k", "a", 500);

    assertThat(retry).isEqualTo(new Published(first.seq(), stream.epoch(), true));
    assertThat(delivered).hasSize(1);
  }

  @Test
  void aRetryAfterTheWindowIsANewMessage() {
    publish("k", "a", 0);

    assertThat(publish("k", "a", 1001).duplicate()).isFalse();
    assertThat(delivered).hasSize(2);
  }

  @Test
  void aJoinerAtAHeldPositionIsReplayedExactlyWhatFollowed() {
    for (String text : List.of("a", "b", "c", "d")) {
      publish(null, text, 0);
    }

    Replay replay = attach(new Position(stream.epoch(), 2), 0);

    assertThat(replay.continuity()).isEqualTo(Continuity.RECOVERED);
    assertThat(replay.seq()).isEqualTo(4);
    assertThat(replay.frames()).extracting(Frame::text).containsExactly("3:c", "4:d");
  }

  @Test
  void aJoinerBehindTheHistoryIsToldOfTheGapAndGetsOnlyTheHistoryItAskedFor() {
    for (String text : List.of("a", "b", "c", "d", "e")) {
      publish(null, text, 0);
    }

    Replay replay = attach(new Position(stream.epoch(), 1), 1);

    assertThat(replay.continuity()).isEqualTo(Continuity.HISTORY_TRIMMED);
    assertThat(replay.frames()).extracting(Frame::text).containsExactly("5:e");
  }

  @Test
  void nothingIsReplayedWhenTheAttachFails() {
    publish(null, "a", 0);

    assertThat(stream.attach("m", () -> false, null, 3, r -> {}, 0).toCompletableFuture().join())
        .isEmpty();
  }

  @Test
  void concurrentPublishersGetDistinctGaplessSequences() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Long> seqs = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 400; i++) {
      pool.execute(() -> seqs.add(publish(null, "x", 0).seq()));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(seqs).hasSize(400).doesNotHaveDuplicates().allMatch(s -> s >= 1 && s <= 400);
    assertThat(delivered)
        .extracting(f -> Long.parseLong(f.text().split(":")[0]))
        .isSorted()
        .hasSize(400);
  }

  @Test
  void anEvictedRoomComesBackWithANewEpoch() {
    HubConfig config = new HubConfig(Settings.read(Map.of(Setting.WS_ROOM_STREAMS, 2)::get));
    MemoryRoomStreams streams = new MemoryRoomStreams(config, (room, frame, except) -> {});
    String before = ((MemoryRoomStream) streams.of("a")).epoch();
    streams.of("b");
    streams.of("c");

    assertThat(streams.count()).isEqualTo(2);
    assertThat(((MemoryRoomStream) streams.of("a")).epoch()).isNotEqualTo(before);
  }
}
