package io.switchboard.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * One connection of the generator. It reads the envelope by searching the message's bytes where
 * they were read, rather than with a JSON parser or even a String, so that the generator spends
 * less CPU per delivery than the servers it measures; the messages it sends carry {@code seq},
 * {@code pub} (the publisher) and {@code t} (send time, this process's {@link System#nanoTime}) in
 * their payload.
 */
final class BenchClient implements NioWebSocket.Listener {

  private static final byte[] PUB = Fields.key("\"pub\":");
  private static final byte[] SEQ = Fields.key("\"seq\":");
  private static final byte[] SENT = Fields.key("\"t\":");
  private static final byte[] MESSAGE_ID = Fields.key("\"message_id\":\"");
  private static final byte[] CONNECTION_ID = Fields.key("\"connection_id\":\"");

  private final Tally tally;
  private final boolean stallAfterJoin;
  private final CompletableFuture<String> established = new CompletableFuture<>();
  private final CompletableFuture<Void> joined = new CompletableFuture<>();
  private Stream[] streams = new Stream[1];
  private volatile NioWebSocket socket;

  BenchClient(Tally tally, boolean stallAfterJoin) {
    this.tally = tally;
    this.stallAfterJoin = stallAfterJoin;
  }

  /** Opens the connection on {@code loop}; completes with the server's connection id. */
  CompletableFuture<String> connect(SelectorLoop loop, URI url, String token) {
    NioWebSocket ws = new NioWebSocket(loop, this);
    socket = ws;
    return ws.open(url, token).thenCompose(opened -> established);
  }

  /** Joins {@code room}; completes when the server confirms. */
  CompletableFuture<Void> join(String room) {
    send("{\"type\":\"room.join\",\"payload\":{\"room_id\":\"" + room + "\"}}");
    return joined;
  }

  /** Sends {@code text} after this connection's earlier sends, without waiting for the socket. */
  void send(String text) {
    socket.send(Frames.text(text));
  }

  void abort() {
    NioWebSocket ws = socket;
    if (ws != null) {
      ws.abort();
    }
  }

  @Override
  public void onText(byte[] data, int from, int to) {
    switch (InboundType.of(data, from, to)) {
      case ROOM_BROADCAST, MESSAGE_DIRECT -> delivery(data, from, to);
      case HEARTBEAT_PING ->
          send(
              "{\"type\":\"heartbeat.pong\",\"payload\":{\"ping_message_id\":\""
                  + Fields.string(data, from, to, MESSAGE_ID)
                  + "\"}}");
      case CONNECTION_ESTABLISHED ->
          established.complete(Fields.string(data, from, to, CONNECTION_ID));
      case ROOM_JOINED -> joined.complete(null);
      case ERROR -> {
        tally.errors.increment();
        if (tally.errors.sum() <= 5) {
          System.err.println("error frame: " + new String(data, from, to - from, UTF_8));
        }
      }
      case OTHER -> {}
    }
    if (stallAfterJoin && joined.isDone()) {
      socket.pauseReading();
    }
  }

  @Override
  public void onClosed(Throwable cause) {
    tally.closed.increment();
    established.completeExceptionally(cause);
    joined.completeExceptionally(cause);
  }

  private void delivery(byte[] data, int from, int to) {
    long publisher = Fields.number(data, from, to, PUB);
    long seq = Fields.number(data, from, to, SEQ);
    long sent = Fields.number(data, from, to, SENT);
    if (publisher < 0 || seq < 0 || sent == Fields.ABSENT) {
      tally.errors.increment();
      return;
    }
    tally.delivery((int) publisher, seq, sent, stream((int) publisher).receive(seq));
  }

  private Stream stream(int publisher) {
    if (publisher >= streams.length) {
      streams = Arrays.copyOf(streams, Math.max(publisher + 1, 2 * streams.length));
    }
    Stream stream = streams[publisher];
    if (stream == null) {
      stream = new Stream();
      streams[publisher] = stream;
    }
    return stream;
  }
}
