package io.switchboard.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

  private final List<String> seen = new ArrayList<>();
  private final FrameDecoder decoder =
      new FrameDecoder(
          new FrameDecoder.Listener() {
            @Override
            public void onText(byte[] data, int from, int to) {
              seen.add(new String(data, from, to - from, UTF_8));
            }

            @Override
            public void onPing(byte[] data, int from, int to) {
              seen.add("ping " + new String(data, from, to - from, UTF_8));
            }

            @Override
            public void onClose(int code, String reason) {
              seen.add("close " + code + " " + reason);
            }
          });

  @Test
  void aFrameSplitAcrossTwoReadsIsDecodedOnce() throws Exception {
    byte[] frame = frame(true, Frames.TEXT, "{\"seq\":1}".getBytes(UTF_8));

    read(slice(frame, 0, 5));
    assertThat(seen).isEmpty();
    read(slice(frame, 5, frame.length));

    assertThat(seen).containsExactly("{\"seq\":1}");
  }

  @Test
  void aHeaderSplitInsideItsExtendedLengthWaitsForTheRest() throws Exception {
    String text = "x".repeat(300);
    byte[] frame = frame(true, Frames.TEXT, text.getBytes(UTF_8));

    read(slice(frame, 0, 3));
    read(slice(frame, 3, 200));
    assertThat(decoder.wanted()).isEqualTo(frame.length);
    read(slice(frame, 200, frame.length));

    assertThat(seen).containsExactly(text);
  }

  @Test
  void severalFramesInOneReadAreAllDecodedInOrder() throws Exception {
    byte[] next = frame(true, Frames.TEXT, "b".getBytes(UTF_8));

    read(
        join(
            frame(true, Frames.TEXT, "a".getBytes(UTF_8)),
            frame(true, Frames.PING, "p".getBytes(UTF_8)),
            slice(next, 0, 1)));
    read(slice(next, 1, next.length));

    assertThat(seen).containsExactly("a", "ping p", "b");
  }

  @Test
  void aFragmentedMessageIsDeliveredWholeAfterItsLastFragmentWithControlFramesBetween()
      throws Exception {
    read(
        join(
            frame(false, Frames.TEXT, "{\"a\":".getBytes(UTF_8)),
            frame(true, Frames.PING, new byte[0]),
            frame(false, Frames.CONTINUATION, "1,\"b\":".getBytes(UTF_8))));
    assertThat(seen).containsExactly("ping ");
    read(frame(true, Frames.CONTINUATION, "2}".getBytes(UTF_8)));

    assertThat(seen).containsExactly("ping ", "{\"a\":1,\"b\":2}");
  }

  @Test
  void sixteenAndSixtyFourBitLengthsAreRead() throws Exception {
    String medium = "m".repeat(65535);
    String large = "l".repeat(65536);

    read(
        join(
            frame(true, Frames.TEXT, medium.getBytes(UTF_8)),
            frame(true, Frames.TEXT, large.getBytes(UTF_8))));

    assertThat(seen).containsExactly(medium, large);
  }

  @Test
  void aCloseFrameReportsItsCodeAndReasonAndEndsDecoding() throws Exception {
    byte[] close = join(new byte[] {(byte) 0x0F, (byte) 0xA0}, "bye".getBytes(UTF_8));

    read(join(frame(true, Frames.CLOSE, close), frame(true, Frames.TEXT, "late".getBytes(UTF_8))));

    assertThat(seen).containsExactly("close 4000 bye");
  }

  @Test
  void aCloseFrameWithoutBodyHasNoStatus() throws Exception {
    read(frame(true, Frames.CLOSE, new byte[0]));

    assertThat(seen).containsExactly("close 1005 ");
  }

  @Test
  void aMaskedServerFrameIsAProtocolError() {
    ByteBuffer masked = Frames.encode(Frames.TEXT, "x".getBytes(UTF_8), 42);

    assertThatThrownBy(() -> decoder.decode(masked)).isInstanceOf(ProtocolException.class);
  }

  @Test
  void binaryMessagesAreSkipped() throws Exception {
    read(
        join(
            frame(true, Frames.BINARY, new byte[] {1, 2}),
            frame(true, Frames.TEXT, "t".getBytes(UTF_8))));

    assertThat(seen).containsExactly("t");
  }

  /** One read as the loop does it: the kept bytes first, then what arrived. */
  private void read(byte[] arrived) throws ProtocolException {
    ByteBuffer buffer = ByteBuffer.allocate(decoder.wanted() + arrived.length + 16);
    decoder.restore(buffer);
    buffer.put(arrived).flip();
    decoder.decode(buffer);
  }

  private static byte[] frame(boolean fin, int opcode, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((fin ? 0x80 : 0) | opcode);
    if (payload.length <= 125) {
      out.write(payload.length);
    } else if (payload.length <= 0xFFFF) {
      out.write(126);
      out.writeBytes(ByteBuffer.allocate(2).putShort((short) payload.length).array());
    } else {
      out.write(127);
      out.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    return Arrays.copyOfRange(bytes, from, to);
  }

  private static byte[] join(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
