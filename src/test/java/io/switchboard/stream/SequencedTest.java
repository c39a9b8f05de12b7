package io.switchboard.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import org.junit.jupiter.api.Test;

class SequencedTest {

  /** A frame like room.broadcast's, whose message may itself look like the seq and epoch. */
  private static Frame frame(long seq, String epoch) {
    return new Frame(
        MessageType.ROOM_BROADCAST,
        "{\"type\":\"room.broadcast\",\"payload\":{\"message\":"
            + Json.PROVIDER.createValue("\"seq\":0,\"epoch\":\"\" é ✓")
            + ",\"seq\":"
            + seq
            + ",\"epoch\":\""
            + epoch
            + "\"}}");
  }

  @Test
  void aTemplateRebuildsTheExactBytesForAnySeqAndEpoch() {
    Sequenced sequenced = SequencedTest::frame;

    Sequenced.Template template = sequenced.template();

    assertThat(template.frame(42, "6f1c2a9e").text()).isEqualTo(frame(42, "6f1c2a9e").text());
    assertThat(template.frame(42, "6f1c2a9e").bytes()).isEqualTo(frame(42, "6f1c2a9e").bytes());
    assertThat(template.type()).isEqualTo(MessageType.ROOM_BROADCAST);
  }

  @Test
  void aFrameThatDoesNotEndWithItsSeqAndEpochHasNoTemplate() {
    Sequenced sequenced =
        (seq, epoch) -> new Frame(MessageType.ROOM_BROADCAST, "{\"seq\":" + seq + "}");

    assertThatThrownBy(sequenced::template).isInstanceOf(IllegalStateException.class);
  }
}
