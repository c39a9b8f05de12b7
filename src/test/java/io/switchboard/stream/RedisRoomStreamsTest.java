package io.switchboard.stream;

import static io.switchboard.stream.RoomStreamContract.await;
import static io.switchboard.stream.RoomStreamContract.message;
import static io.switchboard.stream.RoomStreamContract.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.cluster.RedisEngine;
import io.switchboard.config.Settings;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.MessageType;
import io.switchboard.support.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What only a shared engine can do: lose streams, go away, count its work, listen per room. */
class RedisRoomStreamsTest {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private final List<RedisEngine> engines = new ArrayList<>();
  private final RoomStreamContract.Node a = new RoomStreamContract.Node();
  private final RoomStreamContract.Node b = new RoomStreamContract.Node();

  @BeforeEach
  void twoNodes() throws Exception {
    REDIS.start();
    REDIS.command("FLUSHALL");
    for (RoomStreamContract.Node node : List.of(a, b)) {
      RedisEngine engine = RedisRoomStreamsContractTest.engine(REDIS);
      engines.add(engine);
      node.streams = new RedisRoomStreams(Settings.defaults().rooms(), engine, node);
    }
  }

  @AfterEach
  void shutdown() {
    engines.forEach(RedisEngine::shutdown);
  }

  private static List<Frame> resyncs(RoomStreamContract.Node node) {
    return node.delivered.stream().filter(f -> f.type() == MessageType.ROOM_RESYNC).toList();
  }

  @Test
  void whenRedisLosesAStreamEveryLiveMemberIsToldToResyncBeforeTheNewEpochsMessages()
      throws Exception {
    RoomStreamContract.join(a, "lost", null, 0);
    RoomStreamContract.join(b, "lost", null, 0);
    Published before = RoomStreamContract.publish(a, "lost", null, "old");

    REDIS.command("FLUSHALL");
    Published after = RoomStreamContract.publish(b, "lost", null, "new");

    assertThat(after.epoch()).isNotEqualTo(before.epoch());
    for (RoomStreamContract.Node node : List.of(a, b)) {
      await(() -> node.seqs().size() == 2);
      List<MessageType> types =
          node.delivered.stream()
              .map(Frame::type)
              .filter(t -> t != MessageType.ROOM_JOINED)
              .toList();
      assertThat(types)
          .containsExactly(
              MessageType.ROOM_BROADCAST, MessageType.ROOM_RESYNC, MessageType.ROOM_BROADCAST);
      assertThat(payload(resyncs(node).get(0)).getString("reason")).isEqualTo("epoch_changed");
      assertThat(payload(resyncs(node).get(0)).getString("room_id")).isEqualTo("lost");
    }
  }

  @Test
  void whileRedisIsDownABroadcastIsRefusedAsUnavailableAndReachesNoOne() throws Exception {
    RoomStreamContract.join(a, "outage", null, 0);
    RoomStreamContract.join(b, "outage", null, 0);
    REDIS.kill();

    assertThatThrownBy(
            () ->
                a.streams
                    .of("outage")
                    .publish(null, message("outage", "lost?"), null, System.nanoTime())
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(StreamUnavailableException.class);
    assertThatThrownBy(() -> RoomStreamContract.join(b, "other", null, 0))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(StreamUnavailableException.class);
    assertThat(a.seqs()).isEmpty();
    assertThat(b.seqs()).isEmpty();
  }

  @Test
  void afterRedisComesBackEmptyEveryNodeTellsItsMembersToResyncAndPublishingWorksAgain()
      throws Exception {
    RoomStreamContract.join(a, "restart", null, 0);
    RoomStreamContract.join(b, "restart", null, 0);
    Published before = RoomStreamContract.publish(a, "restart", null, "before");

    REDIS.restart();

    for (RoomStreamContract.Node node : List.of(a, b)) {
      await(() -> !resyncs(node).isEmpty());
      assertThat(resyncs(node)).hasSize(1);
      assertThat(payload(resyncs(node).get(0)).getString("reason")).isEqualTo("epoch_changed");
    }
    Published after = RoomStreamContract.publish(b, "restart", null, "after");
    assertThat(after.epoch()).isNotEqualTo(before.epoch());
    assertThat(after.seq()).isEqualTo(1);
    await(() -> a.seqs().size() == 2);
    assertThat(a.seqs()).containsExactly(1L, 1L);
  }

  @Test
  void messagesANodeMissedWhileItsPubSubLinkWasDownAreDeliveredFromTheHistoryWithoutResync()
      throws Exception {
    RoomStreamContract.join(a, "gap", null, 0);
    RoomStreamContract.join(b, "gap", null, 0);
    RoomStreamContract.publish(a, "gap", null, "before");

    REDIS.command("CLIENT", "KILL", "TYPE", "pubsub");
    for (int i = 0; i < 5; i++) {
      RoomStreamContract.publish(a, "gap", null, "while " + i);
    }

    await(() -> b.seqs().size() == 6);
    assertThat(b.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(resyncs(b)).isEmpty();
    assertThat(resyncs(a)).isEmpty();
  }

  @Test
  void aNodeListensToARoomOnlyWhileItHasMembersThere() throws Exception {
    RoomStreamContract.join(a, "lobby", "m1", null, 0, () -> true);
    RoomStreamContract.join(a, "lobby", "m2", null, 0, () -> true);
    RoomStreamContract.join(a, "lobby", "m2", new Position("any", 0), 0, () -> true);
    assertThat(REDIS.command("PUBSUB", "NUMSUB", "sb:r:{lobby}")).isEqualTo("sb:r:{lobby}\n1");
    assertThat(((RedisRoomStreams) a.streams).listening()).isEqualTo(1);

    a.streams.detach("lobby", "m1", () -> true);
    assertThat(((RedisRoomStreams) a.streams).listening()).isEqualTo(1);
    a.streams.detach("lobby", "m2", () -> true);

    assertThat(((RedisRoomStreams) a.streams).listening()).isZero();
    await(() -> numsub("sb:r:{lobby}").equals("0"));
    assertThat(numsub("sb:r:{lobby}")).isEqualTo("0");
  }

  @Test
  void aBroadcastCostsRedisOneScriptWithOnePublishWhateverTheNodesListening() throws Exception {
    RoomStreamContract.join(a, "cost", null, 0);
    RoomStreamContract.join(b, "cost", null, 0);
    RoomStreamContract.publish(a, "cost", null, "warm-up");
    REDIS.command("CONFIG", "RESETSTAT");

    for (int i = 0; i < 50; i++) {
      RoomStreamContract.publish(a, "cost", null, "m" + i);
    }

    String stats = REDIS.command("INFO", "commandstats");
    assertThat(stats).contains("cmdstat_evalsha:calls=50,").contains("cmdstat_publish:calls=50,");
    long commands =
        stats
            .lines()
            .filter(l -> l.startsWith("cmdstat_") && !l.startsWith("cmdstat_config"))
            .mapToLong(l -> Long.parseLong(l.replaceAll(".*:calls=(\\d+),.*", "$1")))
            .sum();
    assertThat(commands).as("commands per broadcast, scripts' included").isEqualTo(50 * 8);
  }

  private static String numsub(String channel) {
    try {
      return REDIS.command("PUBSUB", "NUMSUB", channel).split("\n")[1];
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
