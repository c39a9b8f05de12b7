package io.switchboard.support;

import io.switchboard.bench.Frames;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A WebSocket client on a bare TCP socket that completes the handshake and then reads only when
 * told to: a client that has stopped reading, exactly as the server sees one. Its receive buffer is
 * made small so the server's writes back up quickly. It presents a fresh valid token, as {@link
 * Handshake}'s default does; the upgrade and the masked frames are the load generator's ({@link
 * io.switchboard.bench.Handshake}, {@link Frames}).
 */
public final class RawWebSocket implements AutoCloseable {

  /** One frame from the server: opcode and payload. */
  public record Frame(int opcode, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The close code of a close frame (opcode 8). */
    public int closeCode() {
      return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }
  }

  private final Socket socket;
  private final DataInputStream in;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
  }

  public static RawWebSocket open(URI uri, int receiveBufferBytes) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(receiveBufferBytes);
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
    RawWebSocket ws = new RawWebSocket(socket);
    io.switchboard.bench.Handshake handshake = io.switchboard.bench.Handshake.random();
    try {
      ws.write(handshake.request(uri, Tokens.valid()));
      handshake.check(ws.readHeaders());
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return ws;
  }

  /** Sends one masked text frame, as RFC 6455 requires of clients. */
  public void sendText(String text) throws IOException {
    write(Frames.text(text));
  }

  private void write(ByteBuffer bytes) throws IOException {
    socket
        .getOutputStream()
        .write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    socket.getOutputStream().flush();
  }

  /** Reads the next frame, waiting at most {@code timeout}. */
  public Frame read(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[Math.toIntExact(length)];
    in.readFully(payload);
    return new Frame(first & 0x0f, payload);
  }

  /** Reads and discards frames until the server's close frame, and returns it. */
  public Frame readUntilClose(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Frame frame = read(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
      if (frame.opcode() == 8) {
        return frame;
      }
    }
  }

  private String readHeaders() throws IOException {
    ByteArrayOutputStream headers = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.readUnsignedByte();
      headers.write(b);
      matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
    }
    return headers.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
