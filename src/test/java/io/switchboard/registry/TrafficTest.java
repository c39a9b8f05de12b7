package io.switchboard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.metrics.Traffic;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.MessageType;
import io.switchboard.support.Callers;
import io.switchboard.support.RecordingTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a connection reports to monitoring: written frames, drops by class, slow-consumer closes.
 */
class TrafficTest {

  private final List<String> events = new ArrayList<>();
  private final Traffic recording =
      new Traffic() {
        @Override
        public void sent(Frame frame) {
          events.add("sent " + frame.type().wireName() + " " + frame.bytes());
        }

        @Override
        public void dropped(Frame frame) {
          events.add("dropped " + frame.delivery());
        }

        @Override
        public void slowConsumer() {
          events.add("slow consumer");
        }
      };

  @Test
  void everyFrameHandedToTheSocketIsReportedWithItsTypeAndSizeAndCounted() {
    RecordingTransport transport = RecordingTransport.immediate();
    Connection connection = new Connection("c", Callers.user("u"), transport, 10, 0, recording);

    connection.send(new Frame(MessageType.MESSAGE_TEXT, "abc"));
    connection.send(new Frame(MessageType.ROOM_BROADCAST, "héllo"));

    assertThat(events).containsExactly("sent message.text 3", "sent room.broadcast 6");
    assertThat(connection.sent()).isEqualTo(2);
  }

  @Test
  void aShedEphemeralFrameIsADropOfItsClassAndNoDisconnect() {
    RecordingTransport transport = RecordingTransport.held();
    Connection connection = new Connection("c", Callers.user("u"), transport, 10, 0, recording);
    IntStream.range(0, 7)
        .forEach(i -> connection.send(new Frame(MessageType.ROOM_BROADCAST, "b" + i)));
    events.clear();

    connection.send(new Frame(MessageType.HEARTBEAT_PING, "ping"));

    assertThat(events).containsExactly("dropped EPHEMERAL");
  }

  @Test
  void aDurableOverflowIsADropAndOneSlowConsumerDisconnect() {
    RecordingTransport transport = RecordingTransport.held();
    Connection connection = new Connection("c", Callers.user("u"), transport, 1, 0, recording);
    connection.send(new Frame(MessageType.ROOM_BROADCAST, "in-flight"));
    events.clear();

    connection.send(new Frame(MessageType.ROOM_BROADCAST, "overflow"));
    connection.close(4002, "closed again");

    assertThat(events).containsExactly("dropped DURABLE", "slow consumer");
  }

  @Test
  void anOrdinaryCloseIsNoSlowConsumer() {
    Connection connection =
        new Connection("c", Callers.user("u"), RecordingTransport.immediate(), 10, 0, recording);

    connection.close(1000, "bye");

    assertThat(events).isEmpty();
  }
}
