package io.switchboard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.metrics.Traffic;
import io.switchboard.protocol.CloseCodes;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.MessageType;
import io.switchboard.support.Callers;
import io.switchboard.support.RecordingTransport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConnectionTest {

  private static Frame frame(MessageType type, String text) {
    return new Frame(type, text);
  }

  @Test
  void framesAreWrittenOneAtATimeInTheOrderTheyWereQueued() {
    RecordingTransport transport = RecordingTransport.held();
    Connection connection = new Connection("c", Callers.user("u"), transport, 10, 0, Traffic.NONE);

    IntStream.range(0, 5).forEach(i -> connection.send(frame(MessageType.ROOM_BROADCAST, "m" + i)));
    assertThat(transport.written()).containsExactly("m0");
    IntStream.range(0, 4).forEach(i -> transport.completeNext());

    assertThat(transport.written()).containsExactly("m0", "m1", "m2", "m3", "m4");
    assertThat(transport.maxInFlight()).isEqualTo(1);
  }

  @Test
  void aFillingQueueDropsEphemeralFramesAndKeepsTheConnection() {
    RecordingTransport transport = RecordingTransport.held();
    Connection connection = new Connection("c", Callers.user("u"), transport, 10, 0, Traffic.NONE);
    IntStream.range(0, 7).forEach(i -> connection.send(frame(MessageType.ROOM_BROADCAST, "b" + i)));

    boolean queued = connection.send(frame(MessageType.HEARTBEAT_PING, "ping"));

    assertThat(queued).isFalse();
    assertThat(connection.isOpen()).isTrue();
    assertThat(transport.closeCode()).isNull();
  }

  @Test
  void aDurableFrameThatDoesNotFitClosesTheConnectionAsASlowConsumer() {
    RecordingTransport transport = RecordingTransport.held();
    Connection connection = new Connection("c", Callers.user("u"), transport, 1, 0, Traffic.NONE);
    connection.send(frame(MessageType.ROOM_BROADCAST, "in-flight"));
    connection.send(frame(MessageType.ROOM_BROADCAST, "queued"));

    boolean queued = connection.send(frame(MessageType.ROOM_BROADCAST, "overflow"));

    assertThat(queued).isFalse();
    assertThat(connection.isOpen()).isFalse();
    assertThat(transport.closeCode()).isEqualTo(CloseCodes.SLOW_CONSUMER);
  }

  @Test
  void aClosedConnectionAcceptsNothing() {
    RecordingTransport transport = RecordingTransport.immediate();
    Connection connection = new Connection("c", Callers.user("u"), transport, 10, 0, Traffic.NONE);

    connection.close(1000, "bye");

    assertThat(connection.send(frame(MessageType.MESSAGE_TEXT, "late"))).isFalse();
    assertThat(transport.written()).isEmpty();
  }

  @Test
  void aFailedWriteClosesTheConnection() {
    Transport failing =
        new Transport() {
          int closed;

          @Override
          public void write(String text, java.util.function.Consumer<Throwable> done) {
            done.accept(new java.io.IOException("broken pipe"));
          }

          @Override
          public void close(int code, String reason) {
            closed = code;
          }

          @Override
          public void closeHere(int code, String reason) {
            closed = code;
          }
        };
    Connection connection = new Connection("c", Callers.user("u"), failing, 10, 0, Traffic.NONE);

    connection.send(frame(MessageType.MESSAGE_TEXT, "x"));

    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void pastHighWaterEphemeralFramesAreShedAndTheClientIsWarnedOnce() {
    RecordingTransport transport = RecordingTransport.held();
    Connection connection = new Connection("c", Callers.user("u"), transport, 4, 0, Traffic.NONE);
    connection.send(frame(MessageType.ROOM_BROADCAST, "in-flight"));
    connection.send(frame(MessageType.ROOM_BROADCAST, "b1"));
    connection.send(frame(MessageType.ROOM_BROADCAST, "b2"));

    boolean typing = connection.send(frame(MessageType.ROOM_MEMBER_JOINED, "notice"));
    boolean chat = connection.send(frame(MessageType.ROOM_BROADCAST, "b3"));

    assertThat(typing).isFalse();
    assertThat(chat).isTrue();
    assertThat(connection.shed()).isEqualTo(1);
    IntStream.range(0, 4).forEach(i -> transport.completeNext());
    assertThat(transport.written()).hasSize(5);
    assertThat(transport.written().get(3)).contains("\"type\":\"flow.slow\"");
    assertThat(transport.written()).filteredOn(t -> t.contains("flow.slow")).hasSize(1);
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void aClientThatNeverAcknowledgesIsPingedAtHalfTheWindowAndClosedPastIt() {
    RecordingTransport transport = RecordingTransport.immediate();
    Connection connection =
        new Connection("c", Callers.user("u"), transport, 100, 1000, Traffic.NONE);
    String chunk = "x".repeat(300);

    connection.send(frame(MessageType.ROOM_BROADCAST, chunk));
    connection.send(frame(MessageType.ROOM_BROADCAST, chunk));
    assertThat(transport.written()).filteredOn(t -> t.contains("heartbeat.ping")).hasSize(1);
    connection.send(frame(MessageType.ROOM_BROADCAST, chunk));
    connection.send(frame(MessageType.ROOM_BROADCAST, chunk));

    assertThat(connection.isOpen()).isFalse();
    assertThat(transport.closeCode()).isEqualTo(4002);
  }

  @Test
  void aPongAcknowledgesEverythingWrittenBeforeItsPing() {
    RecordingTransport transport = RecordingTransport.immediate();
    Connection connection =
        new Connection("c", Callers.user("u"), transport, 100, 1000, Traffic.NONE);
    String chunk = "x".repeat(300);

    for (int i = 0; i < 20; i++) {
      connection.send(frame(MessageType.ROOM_BROADCAST, chunk));
      transport.written().stream()
          .filter(t -> t.contains("heartbeat.ping"))
          .reduce((first, second) -> second)
          .ifPresent(ping -> connection.liveness().ponged(messageId(ping), System.nanoTime()));
    }

    assertThat(connection.isOpen()).isTrue();
    assertThat(connection.liveness().unacknowledgedBytes()).isLessThan(1000);
  }

  private static String messageId(String frame) {
    int start = frame.indexOf("\"message_id\":\"") + 14;
    return frame.substring(start, frame.indexOf('"', start));
  }
}
