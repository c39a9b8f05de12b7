package io.switchboard.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.protocol.Frame;
import io.switchboard.protocol.MessageType;
import org.junit.jupiter.api.Test;

class HistoryTest {

  private static Frame frame(long seq) {
    return new Frame(MessageType.ROOM_BROADCAST, "m" + seq);
  }

  @Test
  void keepsOnlyTheLastCapacityMessages() {
    History history = new History(3, 0);
    for (long seq = 1; seq <= 5; seq++) {
      history.append(seq, frame(seq), seq);
    }

    assertThat(history.size()).isEqualTo(3);
    assertThat(history.oldestSeq(6)).isEqualTo(3);
    assertThat(history.last(10)).extracting(Frame::text).containsExactly("m3", "m4", "m5");
    assertThat(history.last(2)).extracting(Frame::text).containsExactly("m4", "m5");
    assertThat(history.after(3)).extracting(Frame::text).containsExactly("m4", "m5");
  }

  @Test
  void dropsMessagesOlderThanTheMaximumAge() {
    History history = new History(10, 100);
    history.append(1, frame(1), 0);
    history.append(2, frame(2), 50);

    history.trim(120);

    assertThat(history.last(10)).extracting(Frame::text).containsExactly("m2");
    assertThat(history.oldestSeq(3)).isEqualTo(2);
  }

  @Test
  void aZeroCapacityKeepsNothing() {
    History history = new History(0, 0);
    history.append(1, frame(1), 0);

    assertThat(history.size()).isZero();
    assertThat(history.oldestSeq(2)).isEqualTo(2);
  }
}
