package io.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One connection of the generator. It reads the envelope by string search rather than with a JSON
 * parser, so that the generator spends less CPU per delivery than the server it measures; the
 * messages it sends carry {@code seq}, {@code pub} (the publisher) and {@code t} (send time, this
 * process's {@link System#nanoTime}) in their payload.
 */
final class BenchClient implements WebSocket.Listener {

  private final Tally tally;
  private final boolean stallAfterJoin;
  private final StringBuilder partial = new StringBuilder();
  private final Map<Integer, Stream> streams = new HashMap<>();
  private final CompletableFuture<String> established = new CompletableFuture<>();
  private final CompletableFuture<Void> joined = new CompletableFuture<>();
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
  private volatile WebSocket socket;

  BenchClient(Tally tally, boolean stallAfterJoin) {
    this.tally = tally;
    this.stallAfterJoin = stallAfterJoin;
  }

  /** Opens the connection; completes with the server's connection id. */
  CompletableFuture<String> connect(HttpClient http, URI url, String token) {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(60));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder
        .buildAsync(url, this)
        .thenCompose(
            ws -> {
              socket = ws;
              return established;
            });
  }

  /** Joins {@code room}; completes when the server confirms. */
  CompletableFuture<Void> join(String room) {
    send("{\"type\":\"room.join\",\"payload\":{\"room_id\":\"" + room + "\"}}");
    return joined;
  }

  /** Queues {@code text} behind this connection's earlier sends (one send in flight at a time). */
  synchronized CompletableFuture<?> send(String text) {
    sending = sending.thenCompose(done -> socket.sendText(text, true));
    return sending;
  }

  void abort() {
    WebSocket ws = socket;
    if (ws != null) {
      ws.abort();
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    if (!last) {
      partial.append(data);
      ws.request(1);
      return null;
    }
    String text;
    if (partial.length() > 0) {
      text = partial.append(data).toString();
      partial.setLength(0);
    } else {
      text = data.toString();
    }
    handle(ws, text);
    if (!(stallAfterJoin && joined.isDone())) {
      ws.request(1);
    }
    return null;
  }

  private void handle(WebSocket ws, String text) {
    String type = stringField(text, "\"type\":\"");
    switch (type) {
      case "room.broadcast", "message.direct" -> {
        int publisher = (int) number(text, "\"pub\":");
        long seq = number(text, "\"seq\":");
        long sent = number(text, "\"t\":");
        Stream.Verdict verdict = streams.computeIfAbsent(publisher, p -> new Stream()).receive(seq);
        tally.delivery(publisher, seq, sent, verdict);
      }
      case "heartbeat.ping" ->
          send(
              "{\"type\":\"heartbeat.pong\",\"payload\":{\"ping_message_id\":\""
                  + stringField(text, "\"message_id\":\"")
                  + "\"}}");
      case "connection.established" ->
          established.complete(stringField(text, "\"connection_id\":\""));
      case "room.joined" -> joined.complete(null);
      case "error" -> {
        tally.errors.increment();
        if (tally.errors.sum() <= 5) {
          System.err.println("error frame: " + text);
        }
      }
      default -> {}
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
    tally.closed.increment();
    fail(new IllegalStateException("closed by the server: " + code + " " + reason));
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    tally.closed.increment();
    fail(error);
  }

  private void fail(Throwable error) {
    established.completeExceptionally(error);
    joined.completeExceptionally(error);
  }

  private static String stringField(String text, String key) {
    int start = text.indexOf(key);
    if (start < 0) {
      return "";
    }
    start += key.length();
    return text.substring(start, text.indexOf('"', start));
  }

  private static long number(String text, String key) {
    int i = text.indexOf(key) + key.length();
    long value = 0;
    for (char c = text.charAt(i); c >= '0' && c <= '9'; c = text.charAt(++i)) {
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
