package io.switchboard.bench;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.net.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The opening handshake of RFC 6455 section 4: the HTTP/1.1 upgrade request, and the check that the
 * answer is a 101 carrying the accept value derived from this request's key, so that an error page
 * is never read as frames. The token, when there is one, travels as {@code Authorization: Bearer},
 * and no subprotocol is offered: the hub accepts a connection without one. The test suite's raw
 * client ({@code io.switchboard.support.RawWebSocket}) opens its connections with it too.
 */
public final class Handshake {

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final String key;

  Handshake(String key) {
    this.key = key;
  }

  /** A handshake with a fresh 16-byte key. */
  public static Handshake random() {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    return new Handshake(Base64.getEncoder().encodeToString(nonce));
  }

  /** The upgrade request for {@code url}, with {@code token} as a bearer token unless null. */
  public ByteBuffer request(URI url, String token) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
    String host = url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    String request =
        "GET "
            + path
            + query
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + key
            + "\r\nSec-WebSocket-Version: 13\r\n"
            + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
            + "\r\n";
    return ByteBuffer.wrap(request.getBytes(ISO_8859_1));
  }

  /** The {@code Sec-WebSocket-Accept} value a server answers to {@code key}. */
  static String accept(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(ISO_8859_1));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  /**
   * The index just past the blank line ending the response head among {@code buffer}'s remaining
   * bytes (array-backed), or -1 while the head is incomplete.
   */
  static int headEnd(ByteBuffer buffer) {
    byte[] b = buffer.array();
    int start = buffer.arrayOffset() + buffer.position();
    int end = buffer.arrayOffset() + buffer.limit();
    for (int i = start; i + 3 < end; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
        return i + 4 - buffer.arrayOffset();
      }
    }
    return -1;
  }

  /** Throws unless {@code head} (status line and headers) accepts this handshake's upgrade. */
  public void check(String head) throws ProtocolException {
    String[] lines = head.split("\r\n");
    if (!lines[0].matches("HTTP/1\\.1 101( .*)?")) {
      throw new ProtocolException("upgrade refused: " + lines[0]);
    }
    String expected = accept(key);
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-accept")
          && line.substring(colon + 1).trim().equals(expected)) {
        return;
      }
    }
    throw new ProtocolException("no Sec-WebSocket-Accept of " + expected + " in " + lines[0]);
  }
}
