package io.switchboard.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code nats-server} with JetStream, started by a test on a private port of its choosing
 * and bound to loopback. It can be stopped and started again on the same port with the same store,
 * as an operator's restart would. Close it to stop the server and delete its store.
 */
public final class NatsServer implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(15);

  private final int port;
  private final Path store;
  private final Path log;
  private Process process;

  private NatsServer(int port, Path store) {
    this.port = port;
    this.store = store;
    this.log = store.resolveSibling(store.getFileName() + ".log");
  }

  /** Starts a server on a free port. */
  public static NatsServer start() {
    return start(freePort());
  }

  /** Starts a server on {@code port}, which must be free. */
  public static NatsServer start(int port) {
    try {
      NatsServer server = new NatsServer(port, Files.createTempDirectory("nats-store-"));
      server.startProcess();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port given in the {@code test.nats.port} system property (set by the pom). */
  public static int configuredPort() {
    return Integer.parseInt(System.getProperty("test.nats.port", "14222"));
  }

  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Stops the server (SIGTERM, then SIGKILL), keeping its store for a restart. */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    process = null;
  }

  /** Starts the server again on the same port with the same store. */
  public void restart() {
    stop();
    startProcess();
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(store)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startProcess() {
    try {
      process =
          new ProcessBuilder(
                  "nats-server",
                  "-js",
                  "-a",
                  "127.0.0.1",
                  "-p",
                  Integer.toString(port),
                  "-sd",
                  store.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start nats-server (is it installed?)", e);
    }
    awaitAccepting();
  }

  /** Ready when the server greets a client with its INFO line. */
  private void awaitAccepting() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("nats-server exited; see " + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        socket.setSoTimeout(1000);
        InputStream in = socket.getInputStream();
        byte[] greeting = in.readNBytes(4);
        if ("INFO".equals(new String(greeting, StandardCharsets.US_ASCII))) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(50); // polling a process that offers no readiness signal
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("nats-server not accepting on port " + port + "; see " + log);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
