package io.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One thread and its {@link Selector}, serving thousands of {@link NioWebSocket}s: the generator
 * runs one per core, so a delivery costs a share of a read and a decode, never a thread hand-off.
 * Other threads reach it through {@link #execute}. Its read buffer is shared by its connections,
 * since it reads one at a time; a connection keeps only the bytes of an incomplete frame.
 */
final class SelectorLoop implements AutoCloseable {

  private static final int READ_ROOM = 64 * 1024;

  private final Selector selector;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private ByteBuffer buffer = ByteBuffer.allocate(4 * READ_ROOM);
  private volatile boolean running = true;

  SelectorLoop(String name) throws IOException {
    selector = Selector.open();
    Thread thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs {@code task} on this loop's thread. */
  void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /** Makes the loop apply interest changes made from another thread. */
  void wakeup() {
    selector.wakeup();
  }

  Selector selector() {
    return selector;
  }

  /** The read buffer, cleared, with room for {@code wanted} bytes and a read after them. */
  ByteBuffer readBuffer(int wanted) {
    if (buffer.capacity() < wanted + READ_ROOM) {
      buffer = ByteBuffer.allocate(Math.max(2 * buffer.capacity(), wanted + READ_ROOM));
    }
    return buffer.clear();
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
  }

  private void run() {
    try (selector) {
      while (running) {
        selector.select(key -> ((NioWebSocket) key.attachment()).ready(key));
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
          task.run();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
