package io.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.metrics.Traffic;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import io.switchboard.registry.Rooms;
import io.switchboard.stream.RoomStreams;
import io.switchboard.support.Callers;
import io.switchboard.support.RecordingTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The delivery contract of {@link Bus}, run on {@link LocalBus} (one node) and on {@link RedisBus}
 * (two nodes sharing one Redis server). Members join through the node's room streams, as in the
 * hub, since those decide which rooms a node listens to.
 */
abstract class BusContract {

  static final Duration PATIENCE = Duration.ofSeconds(10);

  /** One node: its registries, its bus and its room streams. */
  record Node(Bus bus, Rooms rooms, Connections connections, RoomStreams streams) {}

  /** {@code count} nodes of one cluster (a one-node implementation returns one node each time). */
  protected abstract List<Node> cluster(int count);

  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Connection, RecordingTransport> transports = new ConcurrentHashMap<>();

  Connection connect(Node node, String user) {
    RecordingTransport transport = RecordingTransport.immediate();
    Connection connection =
        new Connection(
            "c" + ids.incrementAndGet() + "-" + user,
            Callers.user(user),
            transport,
            10_000,
            0,
            Traffic.NONE);
    transports.put(connection, transport);
    node.connections().admit(connection, Integer.MAX_VALUE);
    return connection;
  }

  static void join(Node node, String roomId, Connection connection) {
    node.streams()
        .of(roomId)
        .attach(
            connection.id(),
            () -> node.rooms().join(roomId, connection, 100) == Rooms.Join.JOINED,
            null,
            0,
            replay -> {},
            System.nanoTime())
        .toCompletableFuture()
        .orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS)
        .join();
  }

  static Frame notice(String text) {
    return Frame.fromServer(
        MessageType.SERVER_ANNOUNCEMENT,
        Json.PROVIDER.createObjectBuilder().add("message", text).build());
  }

  RecordingTransport transport(Connection connection) {
    return transports.get(connection);
  }

  long received(Connection connection, Frame frame) throws InterruptedException {
    return transport(connection).awaitWritten(frame.text(), PATIENCE);
  }

  @Test
  void aRoomFrameReachesEveryMemberOnEveryNodeButTheExcludedOne() throws Exception {
    List<Node> nodes = cluster(2);
    Connection sender = connect(nodes.get(0), "ann");
    Connection near = connect(nodes.get(0), "bob");
    Connection far = connect(nodes.get(1), "cid");
    Connection outsider = connect(nodes.get(1), "dan");
    join(nodes.get(0), "room", sender);
    join(nodes.get(0), "room", near);
    join(nodes.get(1), "room", far);
    Frame frame = notice("hello room");

    nodes.get(0).bus().toRoom("room", frame, sender.id());

    assertThat(received(near, frame)).isEqualTo(1);
    assertThat(received(far, frame)).isEqualTo(1);
    Frame marker = notice("after");
    nodes.get(1).bus().toRoom("room", marker, null);
    assertThat(received(sender, marker)).isEqualTo(1);
    assertThat(transport(sender).written()).doesNotContain(frame.text());
    assertThat(transport(outsider).written()).isEmpty();
  }

  @Test
  void framesOneThreadPublishesToARoomArriveInThatOrderOnEveryNode() throws Exception {
    List<Node> nodes = cluster(2);
    Connection near = connect(nodes.get(0), "ann");
    Connection far = connect(nodes.get(1), "bob");
    join(nodes.get(0), "ordered", near);
    join(nodes.get(1), "ordered", far);
    List<Frame> frames = IntStream.range(0, 200).mapToObj(i -> notice("n" + i)).toList();

    frames.forEach(frame -> nodes.get(0).bus().toRoom("ordered", frame, null));

    for (Connection member : List.of(near, far)) {
      assertThat(received(member, frames.get(199))).isEqualTo(1);
      assertThat(transport(member).written())
          .containsExactlyElementsOf(frames.stream().map(Frame::text).toList());
    }
  }

  @Test
  void aFrameForAUserReachesEachOfItsConnectionsOnEveryNodeOnce() throws Exception {
    List<Node> nodes = cluster(2);
    Connection phone = connect(nodes.get(0), "ann");
    Connection laptop = connect(nodes.get(1), "ann");
    Connection other = connect(nodes.get(1), "bob");
    Frame frame = notice("for ann");

    nodes.get(1).bus().toUser("ann", frame);

    assertThat(received(phone, frame)).isEqualTo(1);
    assertThat(received(laptop, frame)).isEqualTo(1);
    Frame marker = notice("for bob");
    nodes.get(0).bus().toUser("bob", marker);
    assertThat(received(other, marker)).isEqualTo(1);
    assertThat(transport(other).written()).containsExactly(marker.text());
  }

  @Test
  void aFrameForAConnectionReachesItWhereverItIs() throws Exception {
    List<Node> nodes = cluster(2);
    Connection target = connect(nodes.get(1), "ann");
    Connection sibling = connect(nodes.get(0), "ann");
    Frame frame = notice("for one connection");

    nodes.get(0).bus().toConnection(target.id(), frame);

    assertThat(received(target, frame)).isEqualTo(1);
    Frame marker = notice("marker");
    nodes.get(1).bus().toConnection(sibling.id(), marker);
    assertThat(received(sibling, marker)).isEqualTo(1);
    assertThat(transport(sibling).written()).containsExactly(marker.text());
  }
}
