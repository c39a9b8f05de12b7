package io.switchboard.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A WebSocket client on a bare TCP socket that completes the handshake and then reads only when
 * told to: a client that has stopped reading, exactly as the server sees one. Its receive buffer is
 * made small so the server's writes back up quickly. It presents a fresh valid token, as {@link
 * Handshake}'s default does.
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
    socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
    byte[] nonce = new byte[16];
    new SecureRandom().nextBytes(nonce);
    String request =
        "GET "
            + uri.getRawPath()
            + " HTTP/1.1\r\n"
            + "Host: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Authorization: Bearer "
            + Tokens.valid()
            + "\r\n"
            + "Sec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    RawWebSocket ws = new RawWebSocket(socket);
    String status = ws.readHeaders();
    if (!status.startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("handshake refused: " + status);
    }
    return ws;
  }

  /** Sends one masked text frame, as RFC 6455 requires of clients. */
  public void sendText(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = new byte[4];
    new SecureRandom().nextBytes(mask);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length & 0xff);
    }
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    socket.getOutputStream().write(frame.toByteArray());
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
