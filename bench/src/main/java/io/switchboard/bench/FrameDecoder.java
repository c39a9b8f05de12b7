package io.switchboard.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads one connection's server frames (RFC 6455 section 5) out of successive reads. A message that
 * arrived whole is handed over where it lies, in the read buffer, so the hot path copies nothing;
 * the bytes of an incomplete frame are kept and put back in front of the next read, and the
 * fragments of a fragmented message are gathered until the last one. Server frames are never masked
 * (section 5.1), so a masked one fails the connection, as do reserved bits (no extension is
 * negotiated).
 */
final class FrameDecoder {

  /** Frames of more than this many bytes fail the connection instead of growing the buffers. */
  static final int MAX_FRAME = 64 << 20;

  /** What the frames say, on the decoding thread; the bytes are valid only during the call. */
  interface Listener {
    void onText(byte[] data, int from, int to);

    void onPing(byte[] data, int from, int to);

    void onClose(int code, String reason);
  }

  private final Listener listener;
  private byte[] kept = new byte[0];
  private int keptLength;
  private int frameLength;
  private byte[] fragments = new byte[0];
  private int fragmentsLength;
  private int fragmentsOpcode = -1;
  private boolean closed;

  FrameDecoder(Listener listener) {
    this.listener = listener;
  }

  /** Puts the bytes kept from the previous read at the start of {@code buffer}, just cleared. */
  void restore(ByteBuffer buffer) {
    buffer.put(kept, 0, keptLength);
    keptLength = 0;
  }

  /**
   * The bytes the next read buffer must be able to hold: the incomplete frame, once its size is
   * known.
   */
  int wanted() {
    return Math.max(keptLength, frameLength);
  }

  /**
   * Decodes every complete frame in {@code buffer} (flipped, array-backed) and keeps the remaining
   * bytes for the next read. Nothing is decoded after a close frame.
   */
  void decode(ByteBuffer buffer) throws ProtocolException {
    byte[] b = buffer.array();
    int at = buffer.arrayOffset() + buffer.position();
    int end = buffer.arrayOffset() + buffer.limit();
    frameLength = 0;
    while (!closed && end - at >= 2) {
      int first = b[at] & 0xFF;
      int second = b[at + 1] & 0xFF;
      if ((second & 0x80) != 0 || (first & 0x70) != 0) {
        throw new ProtocolException("masked frame or reserved bits from the server");
      }
      int header = 2;
      long length = second & 0x7F;
      if (length >= 126) {
        header = length == 126 ? 4 : 10;
        if (end - at < header) {
          break;
        }
        length = 0;
        for (int i = at + 2; i < at + header; i++) {
          length = length << 8 | (b[i] & 0xFF);
        }
        if (length < 0 || length > MAX_FRAME) {
          throw new ProtocolException("frame of " + length + " bytes");
        }
      }
      if (end - at < header + length) {
        frameLength = (int) (header + length);
        break;
      }
      int from = at + header;
      at = from + (int) length;
      frame((first & 0x80) != 0, first & 0x0F, b, from, at);
    }
    keep(b, at, end);
  }

  /** Keeps the bytes of {@code buffer} that cannot be decoded yet, for {@link #restore}. */
  void keep(ByteBuffer buffer) {
    keep(
        buffer.array(),
        buffer.arrayOffset() + buffer.position(),
        buffer.arrayOffset() + buffer.limit());
  }

  private void keep(byte[] b, int from, int to) {
    keptLength = to - from;
    if (kept.length < keptLength) {
      kept = new byte[Math.max(keptLength, 2 * kept.length)];
    }
    System.arraycopy(b, from, kept, 0, keptLength);
  }

  private void frame(boolean fin, int opcode, byte[] b, int from, int to) throws ProtocolException {
    switch (opcode) {
      case Frames.TEXT, Frames.BINARY -> {
        if (fragmentsOpcode >= 0) {
          throw new ProtocolException("a new message inside a fragmented one");
        }
        if (!fin) {
          fragmentsOpcode = opcode;
          gather(b, from, to);
        } else if (opcode == Frames.TEXT) {
          listener.onText(b, from, to);
        }
      }
      case Frames.CONTINUATION -> {
        if (fragmentsOpcode < 0) {
          throw new ProtocolException("a continuation frame outside a fragmented message");
        }
        gather(b, from, to);
        if (fin) {
          int opcodeOfMessage = fragmentsOpcode;
          fragmentsOpcode = -1;
          if (opcodeOfMessage == Frames.TEXT) {
            listener.onText(fragments, 0, fragmentsLength);
          }
          fragmentsLength = 0;
        }
      }
      case Frames.PING -> listener.onPing(b, from, to);
      case Frames.PONG -> {}
      case Frames.CLOSE -> {
        closed = true;
        boolean coded = to - from >= 2;
        listener.onClose(
            coded ? (b[from] & 0xFF) << 8 | (b[from + 1] & 0xFF) : Frames.NO_STATUS,
            coded ? new String(b, from + 2, to - from - 2, UTF_8) : "");
      }
      default -> throw new ProtocolException("unknown opcode " + opcode);
    }
  }

  private void gather(byte[] b, int from, int to) throws ProtocolException {
    int length = fragmentsLength + to - from;
    if (length > MAX_FRAME) {
      throw new ProtocolException("fragmented message of more than " + MAX_FRAME + " bytes");
    }
    if (fragments.length < length) {
      fragments = Arrays.copyOf(fragments, Math.max(length, 2 * fragments.length));
    }
    System.arraycopy(b, from, fragments, fragmentsLength, to - from);
    fragmentsLength = length;
  }
}
