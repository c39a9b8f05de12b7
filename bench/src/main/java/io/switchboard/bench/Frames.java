package io.switchboard.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client's frames (RFC 6455 section 5): one final frame per message, with the 7-, 16- or 64-bit
 * length its payload needs, always masked because a server must refuse unmasked client frames. The
 * key comes from {@link ThreadLocalRandom}: it only has to be unpredictable to intermediaries, and
 * a secure random per frame would cost more than the rest of the send. The test suite's raw client
 * ({@code io.switchboard.support.RawWebSocket}) sends its frames with it too.
 */
public final class Frames {

  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  /** The close code of a close frame without a body. */
  static final int NO_STATUS = 1005;

  private Frames() {}

  public static ByteBuffer text(String text) {
    return encode(TEXT, text.getBytes(UTF_8), ThreadLocalRandom.current().nextInt());
  }

  /** The answer to a ping: its payload, echoed. */
  static ByteBuffer pong(byte[] data, int from, int to) {
    return encode(PONG, Arrays.copyOfRange(data, from, to), ThreadLocalRandom.current().nextInt());
  }

  /** The answer to a close frame: its code, or no body when it had none. */
  static ByteBuffer close(int code) {
    byte[] body = code == NO_STATUS ? new byte[0] : new byte[] {(byte) (code >> 8), (byte) code};
    return encode(CLOSE, body, ThreadLocalRandom.current().nextInt());
  }

  /** One final frame of {@code opcode} carrying {@code payload} masked with {@code mask}. */
  static ByteBuffer encode(int opcode, byte[] payload, int mask) {
    int length = payload.length;
    int extended = length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8;
    ByteBuffer frame = ByteBuffer.allocate(2 + extended + 4 + length);
    frame.put((byte) (0x80 | opcode));
    if (extended == 0) {
      frame.put((byte) (0x80 | length));
    } else if (extended == 2) {
      frame.put((byte) (0x80 | 126)).putShort((short) length);
    } else {
      frame.put((byte) (0x80 | 127)).putLong(length);
    }
    frame.putInt(mask);
    for (int i = 0; i < length; i++) {
      frame.put((byte) (payload[i] ^ (mask >>> (24 - 8 * (i & 3)))));
    }
    return frame.flip();
  }
}
