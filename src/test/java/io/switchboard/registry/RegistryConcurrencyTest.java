package io.switchboard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.metrics.Traffic;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.MessageType;
import io.switchboard.support.Callers;
import io.switchboard.support.RecordingTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Thousands of connect / join / broadcast / disconnect cycles from many threads against the real
 * registry classes. Afterwards the registry must be empty, and every broadcast must have reached
 * each connection that was in the room for the whole broadcast exactly once, and nothing twice
 * anywhere.
 */
class RegistryConcurrencyTest {

  private static final int THREADS = 8;
  private static final int CYCLES_PER_THREAD = 500;
  private static final List<String> ROOMS = List.of("r0", "r1", "r2", "r3");

  private final Connections connections = new Connections();
  private final Rooms rooms = new Rooms();
  private final Broadcaster broadcaster = new Broadcaster(rooms, connections);
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Connection, RecordingTransport> transports = new ConcurrentHashMap<>();

  @Test
  void manyThreadsLeaveAnEmptyRegistryAndEveryPresentMemberGetsEachBroadcastOnce()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<List<String>>> failures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      failures.add(pool.submit(() -> cycles(thread)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

    List<String> problems = new ArrayList<>();
    for (Future<List<String>> f : failures) {
      problems.addAll(f.get());
    }
    assertThat(problems).isEmpty();
    assertThat(connections.count()).isZero();
    assertThat(connections.userCount()).isZero();
    assertThat(rooms.count()).isZero();
    for (RecordingTransport transport : transports.values()) {
      List<String> received = transport.written();
      assertThat(new HashSet<>(received)).as("no frame delivered twice").hasSize(received.size());
    }
  }

  private List<String> cycles(int thread) throws InterruptedException {
    List<String> problems = new ArrayList<>();
    for (int cycle = 0; cycle < CYCLES_PER_THREAD; cycle++) {
      String room = ROOMS.get((thread + cycle) % ROOMS.size());
      List<Connection> mine = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Connection c = open("user-" + thread + "-" + (cycle % 5));
        rooms.join(room, c, 100);
        mine.add(c);
      }
      String text = "t" + thread + "-c" + cycle;
      broadcaster.toRoom(room, new Frame(MessageType.ROOM_BROADCAST, text), null);
      for (Connection c : mine) {
        long copies = transports.get(c).awaitWritten(text, Duration.ofSeconds(10));
        if (copies != 1) {
          problems.add(c + " got " + copies + " copies of " + text);
        }
      }
      Collections.shuffle(mine);
      for (Connection c : mine) {
        if (c.id().hashCode() % 2 == 0) {
          rooms.leave(room, c);
        }
        c.markClosed();
        connections.remove(c);
        rooms.leaveAll(c);
      }
    }
    return problems;
  }

  private Connection open(String user) {
    RecordingTransport transport = RecordingTransport.immediate();
    Connection connection =
        new Connection(
            "c" + ids.incrementAndGet(), Callers.user(user), transport, 10_000, 0, Traffic.NONE);
    transports.put(connection, transport);
    connections.admit(connection, Integer.MAX_VALUE);
    return connection;
  }

  @Test
  void aConnectionClosedWhileJoiningIsNotLeftInTheRoom() {
    Connection connection = open("u");
    connection.markClosed();

    assertThat(rooms.join("r", connection, 10)).isEqualTo(Rooms.Join.CLOSED);
    assertThat(rooms.count()).isZero();
    assertThat(Set.copyOf(rooms.members("r"))).isEmpty();
  }

  @Test
  void theLastMemberLeavingRemovesTheRoom() {
    Connection a = open("a");
    Connection b = open("b");
    rooms.join("r", a, 10);
    rooms.join("r", b, 10);

    rooms.leave("r", a);
    assertThat(rooms.count()).isOne();
    rooms.leaveAll(b);

    assertThat(rooms.count()).isZero();
  }

  @Test
  void aConnectionCannotExceedItsRoomLimit() {
    Connection a = open("a");
    rooms.join("r1", a, 2);
    rooms.join("r2", a, 2);

    assertThat(rooms.join("r3", a, 2)).isEqualTo(Rooms.Join.ROOM_LIMIT);
    assertThat(rooms.join("r1", a, 2)).isEqualTo(Rooms.Join.ALREADY_MEMBER);
  }

  @Test
  void aUserWithSeveralConnectionsIsIndexedUntilTheLastCloses() {
    Connection phone = open("alice");
    Connection laptop = open("alice");

    assertThat(connections.ofUser("alice")).containsExactlyInAnyOrder(phone, laptop);
    connections.remove(phone);
    assertThat(connections.ofUser("alice")).containsExactly(laptop);
    connections.remove(laptop);

    assertThat(connections.ofUser("alice")).isEmpty();
    assertThat(connections.userCount()).isZero();
  }

  @Test
  void admissionNeverOvershootsTheNodeLimitUnderConcurrency() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Connections.Admission>> outcomes = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int n = i;
      outcomes.add(
          pool.submit(
              () ->
                  connections.admit(
                      new Connection(
                          "a" + n,
                          Callers.user("user-" + (n % 4)),
                          RecordingTransport.immediate(),
                          1,
                          0,
                          Traffic.NONE),
                      50)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

    long admitted = 0;
    for (Future<Connections.Admission> f : outcomes) {
      admitted += f.get() == Connections.Admission.ADMITTED ? 1 : 0;
    }
    assertThat(admitted).isEqualTo(50);
    assertThat(connections.count()).isEqualTo(50);
  }

  @Test
  void theNodeLimitRefusesConnectionsBeyondIt() {
    Connection first =
        new Connection(
            "x1", Callers.user("u1"), RecordingTransport.immediate(), 1, 0, Traffic.NONE);
    Connection second =
        new Connection(
            "x2", Callers.user("u2"), RecordingTransport.immediate(), 1, 0, Traffic.NONE);

    assertThat(connections.admit(first, 1)).isEqualTo(Connections.Admission.ADMITTED);
    assertThat(connections.admit(second, 1)).isEqualTo(Connections.Admission.SERVER_FULL);
    connections.remove(first);
    assertThat(connections.admit(second, 1)).isEqualTo(Connections.Admission.ADMITTED);
  }
}
