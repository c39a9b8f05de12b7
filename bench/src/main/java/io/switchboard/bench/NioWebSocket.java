package io.switchboard.bench;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client WebSocket on a non-blocking {@link SocketChannel}, served for its whole life by one
 * {@link SelectorLoop}, whose thread connects, reads, decodes, and answers pings and close frames.
 *
 * <p>Any thread may {@link #send}. A frame is written at once when nothing is queued before it (the
 * channel is non-blocking, so the caller never waits on a slow reader), else queued and flushed by
 * the loop when the socket takes more; frames keep their order. The queue has no bound of its own:
 * the senders bound it (a publisher's window, one pong per ping).
 */
final class NioWebSocket implements FrameDecoder.Listener {

  private static final long CONNECT_TIMEOUT_SECONDS = 60;

  /** What the connection reports, on its loop's thread (or a sender's, for a failed write). */
  interface Listener {
    void onText(byte[] data, int from, int to);

    /** The server closed the open connection (a close frame, a reset, an end of stream). */
    void onClosed(Throwable cause);
  }

  private final SelectorLoop loop;
  private final Listener listener;
  private final FrameDecoder decoder = new FrameDecoder(this);
  private final Handshake handshake = Handshake.random();
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final ArrayDeque<ByteBuffer> outbound = new ArrayDeque<>();
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile SocketChannel channel;
  private volatile SelectionKey key;
  private volatile boolean upgraded;

  NioWebSocket(SelectorLoop loop, Listener listener) {
    this.loop = loop;
    this.listener = listener;
  }

  /** Connects and upgrades; completes once the server accepted, fails after 60 s. */
  CompletableFuture<Void> open(URI url, String token) {
    if (!"ws".equalsIgnoreCase(url.getScheme())) {
      throw new IllegalArgumentException("only ws:// addresses, not " + url);
    }
    InetSocketAddress address =
        new InetSocketAddress(url.getHost(), url.getPort() < 0 ? 80 : url.getPort());
    ByteBuffer request = handshake.request(url, token);
    loop.execute(() -> start(address, request));
    return opened
        .orTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .whenComplete(
            (done, error) -> {
              if (error != null) {
                abort();
              }
            });
  }

  void send(ByteBuffer frame) {
    try {
      synchronized (outbound) {
        if (outbound.isEmpty()) {
          channel.write(frame);
          if (!frame.hasRemaining()) {
            return;
          }
        }
        outbound.add(frame);
        if (outbound.size() == 1) {
          key.interestOpsOr(SelectionKey.OP_WRITE);
          loop.wakeup();
        }
      }
    } catch (IOException | CancelledKeyException e) {
      fail(e);
    }
  }

  /** Stops reading from the socket, for good: the server sees a client that does not read. */
  void pauseReading() {
    key.interestOpsAnd(~SelectionKey.OP_READ);
  }

  /** Closes the socket without telling the listener. */
  void abort() {
    finished.set(true);
    close();
  }

  /** Called by the loop when the socket is ready for what this connection is interested in. */
  void ready(SelectionKey key) {
    try {
      if (key.isConnectable()) {
        channel.finishConnect();
        key.interestOps(SelectionKey.OP_READ);
        flush();
      }
      if (key.isValid() && key.isWritable()) {
        flush();
      }
      if (key.isValid() && key.isReadable()) {
        read();
      }
    } catch (IOException | RuntimeException e) {
      // A runtime exception here fails this connection rather than the loop that serves thousands.
      fail(e);
    }
  }

  @Override
  public void onText(byte[] data, int from, int to) {
    listener.onText(data, from, to);
  }

  @Override
  public void onPing(byte[] data, int from, int to) {
    send(Frames.pong(data, from, to));
  }

  @Override
  public void onClose(int code, String reason) {
    send(Frames.close(code));
    fail(new IllegalStateException("closed by the server: " + code + " " + reason));
  }

  private void start(InetSocketAddress address, ByteBuffer request) {
    try {
      SocketChannel socket = SocketChannel.open();
      channel = socket;
      if (finished.get()) {
        close();
        return;
      }
      socket.configureBlocking(false);
      socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
      outbound.add(request);
      key = socket.register(loop.selector(), SelectionKey.OP_CONNECT, this);
      socket.connect(address);
    } catch (IOException e) {
      fail(e);
    }
  }

  private void flush() throws IOException {
    synchronized (outbound) {
      for (ByteBuffer head = outbound.peek(); head != null; head = outbound.peek()) {
        channel.write(head);
        if (head.hasRemaining()) {
          key.interestOpsOr(SelectionKey.OP_WRITE);
          return;
        }
        outbound.poll();
      }
      key.interestOpsAnd(~SelectionKey.OP_WRITE);
    }
  }

  private void read() throws IOException {
    ByteBuffer buffer = loop.readBuffer(decoder.wanted());
    decoder.restore(buffer);
    if (channel.read(buffer) < 0) {
      throw new EOFException("the server ended the stream without a close frame");
    }
    buffer.flip();
    if (!upgraded && !upgrade(buffer)) {
      decoder.keep(buffer);
      return;
    }
    decoder.decode(buffer);
  }

  /** Checks the response head once it is complete, and leaves {@code buffer} after it. */
  private boolean upgrade(ByteBuffer buffer) throws IOException {
    int end = Handshake.headEnd(buffer);
    if (end < 0) {
      return false;
    }
    int start = buffer.arrayOffset() + buffer.position();
    handshake.check(new String(buffer.array(), start, end - buffer.position(), ISO_8859_1));
    buffer.position(end);
    upgraded = true;
    opened.complete(null);
    return true;
  }

  private void fail(Throwable cause) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    close();
    if (upgraded) {
      listener.onClosed(cause);
    } else {
      opened.completeExceptionally(cause);
    }
  }

  private void close() {
    SocketChannel socket = channel;
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing is all that is left to do with this socket; there is nothing to report.
      }
    }
  }
}
