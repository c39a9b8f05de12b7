package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FramesTest {

  private static final int MASK = 0x11223344;

  @Test
  void aShortTextFrameIsFinalMaskedAndCarriesItsLengthInSevenBits() {
    ByteBuffer frame = Frames.encode(Frames.TEXT, "Hi".getBytes(), MASK);

    assertThat(frame.remaining()).isEqualTo(2 + 4 + 2);
    assertThat(frame.get(0) & 0xFF).isEqualTo(0x81);
    assertThat(frame.get(1) & 0xFF).isEqualTo(0x80 | 2);
    assertThat(frame.getInt(2)).isEqualTo(MASK);
    assertThat(frame.get(6)).isEqualTo((byte) ('H' ^ 0x11));
    assertThat(frame.get(7)).isEqualTo((byte) ('i' ^ 0x22));
  }

  @Test
  void unmaskingWithTheKeyGivesThePayloadBack() {
    byte[] payload = "{\"type\":\"room.join\"}".getBytes();

    ByteBuffer frame = Frames.encode(Frames.TEXT, payload, MASK);

    assertThat(unmasked(frame, 6, payload.length)).isEqualTo(payload);
  }

  @Test
  void aPayloadOf125BytesStillFitsTheSevenBitLength() {
    ByteBuffer frame = Frames.encode(Frames.TEXT, new byte[125], MASK);

    assertThat(frame.get(1) & 0x7F).isEqualTo(125);
    assertThat(frame.remaining()).isEqualTo(2 + 4 + 125);
  }

  @Test
  void payloadsFrom126To65535BytesTakeASixteenBitLength() {
    for (int length : new int[] {126, 65535}) {
      ByteBuffer frame = Frames.encode(Frames.TEXT, new byte[length], MASK);

      assertThat(frame.get(1) & 0x7F).isEqualTo(126);
      assertThat(frame.getShort(2) & 0xFFFF).isEqualTo(length);
      assertThat(frame.getInt(4)).isEqualTo(MASK);
      assertThat(frame.remaining()).isEqualTo(2 + 2 + 4 + length);
    }
  }

  @Test
  void payloadsOf65536BytesAndMoreTakeASixtyFourBitLength() {
    byte[] payload = new byte[65536];
    payload[65535] = 'z';

    ByteBuffer frame = Frames.encode(Frames.TEXT, payload, MASK);

    assertThat(frame.get(1) & 0x7F).isEqualTo(127);
    assertThat(frame.getLong(2)).isEqualTo(65536);
    assertThat(frame.remaining()).isEqualTo(2 + 8 + 4 + 65536);
    assertThat(unmasked(frame, 14, payload.length)).isEqualTo(payload);
  }

  @Test
  void aPongEchoesThePingPayloadAndACloseEchoesItsCode() {
    ByteBuffer pong = Frames.pong(new byte[] {9, 'a', 'b', 9}, 1, 3);
    ByteBuffer close = Frames.close(1001);
    ByteBuffer bare = Frames.close(Frames.NO_STATUS);

    assertThat(pong.get(0) & 0xFF).isEqualTo(0x80 | Frames.PONG);
    assertThat(unmasked(pong, 6, 2)).containsExactly('a', 'b');
    assertThat(close.get(0) & 0xFF).isEqualTo(0x80 | Frames.CLOSE);
    assertThat(unmasked(close, 6, 2)).containsExactly(1001 >> 8, 1001 & 0xFF);
    assertThat(bare.get(1) & 0x7F).isZero();
  }

  private static byte[] unmasked(ByteBuffer frame, int payloadAt, int length) {
    byte[] mask = new byte[4];
    frame.get(payloadAt - 4, mask);
    byte[] payload = new byte[length];
    for (int i = 0; i < length; i++) {
      payload[i] = (byte) (frame.get(payloadAt + i) ^ mask[i % 4]);
    }
    return payload;
  }
}
