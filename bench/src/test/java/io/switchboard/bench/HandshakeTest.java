package io.switchboard.bench;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class HandshakeTest {

  private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

  private final Handshake handshake = new Handshake(RFC_KEY);

  @Test
  void theAcceptValueIsTheOneOfRfc6455() {
    assertThat(Handshake.accept(RFC_KEY)).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  }

  @Test
  void theRequestUpgradesThePathWithTheKeyAndTheBearerToken() {
    String request = text(handshake.request(URI.create("ws://localhost:18181/ws?x=1"), "abc"));

    assertThat(request)
        .startsWith("GET /ws?x=1 HTTP/1.1\r\n")
        .contains("Host: localhost:18181\r\n")
        .contains("Upgrade: websocket\r\n")
        .contains("Connection: Upgrade\r\n")
        .contains("Sec-WebSocket-Key: " + RFC_KEY + "\r\n")
        .contains("Sec-WebSocket-Version: 13\r\n")
        .contains("Authorization: Bearer abc\r\n")
        .doesNotContain("Sec-WebSocket-Protocol")
        .endsWith("\r\n\r\n");
  }

  @Test
  void aGuestSendsNoAuthorization() {
    assertThat(text(handshake.request(URI.create("ws://hub/ws"), null)))
        .contains("Host: hub\r\n")
        .doesNotContain("Authorization");
  }

  @Test
  void a101WithTheRightAcceptValueInAnyCaseOfHeaderIsAccepted() {
    String head =
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";

    assertThatCode(() -> handshake.check(head)).doesNotThrowAnyException();
  }

  @Test
  void anotherStatusOrAcceptValueIsRefused() {
    assertThatThrownBy(() -> handshake.check("HTTP/1.1 403 Forbidden\r\n\r\n"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("403");
    assertThatThrownBy(() -> handshake.check("HTTP/1.1 101 OK\r\nSec-WebSocket-Accept: x\r\n\r\n"))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void theHeadEndsAfterTheBlankLineAndNotBefore() {
    byte[] bytes = "HTTP/1.1 101 OK\r\nA: b\r\n\r\n\u0081\u0001x".getBytes(ISO_8859_1);
    ByteBuffer whole = ByteBuffer.wrap(bytes);
    ByteBuffer partial = ByteBuffer.wrap(bytes, 0, 22);

    assertThat(Handshake.headEnd(whole)).isEqualTo(bytes.length - 3);
    assertThat(Handshake.headEnd(partial)).isEqualTo(-1);
  }

  private static String text(ByteBuffer buffer) {
    return ISO_8859_1.decode(buffer).toString();
  }
}
