package io.switchboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the server refused a handshake: with an HTTP status before the upgrade ({@code httpStatus},
 * and the {@code WWW-Authenticate} challenge if there was one), or by closing the upgraded
 * connection ({@code closeCode}, {@code reason}). Measured with the JDK's own WebSocket client,
 * which reports both faithfully.
 */
public record Refusal(int httpStatus, String challenge, int closeCode, String reason) {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * Attempts a handshake the server must refuse. When the server upgrades it anyway, {@code probe}
   * is sent at once, before the close arrives, and nothing may be received in return: not even
   * {@code connection.established}.
   */
  public static Refusal of(URI uri, Handshake handshake, String probe) {
    CompletableFuture<Refusal> closed = new CompletableFuture<>();
    List<String> received = new CopyOnWriteArrayList<>();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (handshake.origin != null) {
      builder.header("Origin", handshake.origin);
    }
    if (handshake.authorization() != null) {
      builder.header("Authorization", handshake.authorization());
    }
    if (handshake.cookie() != null) {
      builder.header("Cookie", handshake.cookie());
    }
    List<String> protocols = handshake.offeredSubprotocols();
    if (!protocols.isEmpty()) {
      builder.subprotocols(
          protocols.get(0), protocols.subList(1, protocols.size()).toArray(String[]::new));
    }
    WebSocket socket;
    try {
      socket =
          builder
              .buildAsync(
                  handshake.uri(uri),
                  new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(
                        WebSocket ws, CharSequence data, boolean last) {
                      received.add(data.toString());
                      ws.request(1);
                      return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                      closed.complete(new Refusal(0, null, code, reason));
                      return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                      closed.completeExceptionally(error);
                    }
                  })
              .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        var response = refused.getResponse();
        return new Refusal(
            response.statusCode(),
            response.headers().firstValue("WWW-Authenticate").orElse(null),
            0,
            null);
      }
      throw new AssertionError("handshake failed without an HTTP status", e);
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("handshake did not complete", e);
    }
    socket.sendText(probe, true);
    try {
      Refusal refusal = closed.get(10, TimeUnit.SECONDS);
      assertThat(received).as("frames sent to a refused connection").isEmpty();
      return refusal;
    } catch (ExecutionException | InterruptedException | TimeoutException e) {
      throw new AssertionError("an upgraded but refused connection was not closed", e);
    } finally {
      socket.abort();
    }
  }

  public boolean beforeUpgrade() {
    return httpStatus != 0;
  }

  /** {@code "HTTP 401 [Bearer ...]"} or {@code "1008 unauthorized: ..."}. */
  public String describe() {
    if (!beforeUpgrade()) {
      return closeCode + " " + reason;
    }
    return challenge == null ? "HTTP " + httpStatus : "HTTP " + httpStatus + " [" + challenge + "]";
  }
}
