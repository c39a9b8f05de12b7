package io.switchboard.support;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} on a free private port, without persistence ({@code --save ""
 * --appendonly no}), so that a restart loses every key the way a production restart without
 * persistence does. Register it with {@code @RegisterExtension static RedisServer redis = new
 * RedisServer();} (started before the class's tests, stopped after), or use it as an {@link
 * AutoCloseable}. It can be stopped, killed ({@code kill -9}) and started again on the same port,
 * which is what the outage tests need; it only ever touches the process it started.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(10);

  private final int port;
  private final List<String> extraArguments;
  private Process process;

  /** A server on a free port, with any extra {@code redis-server} arguments. */
  public RedisServer(String... extraArguments) {
    this.port = freePort();
    this.extraArguments = List.of(extraArguments);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** {@code redis://127.0.0.1:<port>}, for {@code WS_REDIS_URL}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Starts the server (again) on its port and returns once it answers PING. */
  public synchronized RedisServer start() {
    if (process != null && process.isAlive()) {
      return this;
    }
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "redis-server",
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--maxmemory-policy",
            "noeviction"));
    command.addAll(extraArguments);
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start redis-server (is it installed?)", e);
    }
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited at startup; see " + log());
      }
      try {
        if ("PONG".equals(command("PING"))) {
          return this;
        }
      } catch (IOException notYet) {
        // still starting: the port is not open yet
      }
      try {
        process.waitFor(20, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("redis-server did not answer PING within " + STARTUP);
  }

  /** Stops the server gracefully (SIGTERM, no save) and waits until it is gone. */
  public synchronized void stop() {
    end(false);
  }

  /** {@code kill -9}: the server disappears without closing its connections first. */
  public synchronized void kill() {
    end(true);
  }

  /** Stop, then start on the same port: every key is gone, as after a restart in production. */
  public RedisServer restart() {
    stop();
    return start();
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() {
    kill();
  }

  /**
   * Sends one command and returns its reply as text: the status or bulk string, the integer, or the
   * elements of an array joined by newlines; an error reply throws.
   */
  public String command(String... arguments) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder("*").append(arguments.length).append("\r\n");
      for (String argument : arguments) {
        byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
        request.append('$').append(bytes.length).append("\r\n").append(argument).append("\r\n");
      }
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return reply(new BufferedInputStream(socket.getInputStream()));
    }
  }

  private static String reply(InputStream in) throws IOException {
    String line = line(in);
    switch (line.charAt(0)) {
      case '+', ':':
        return line.substring(1);
      case '-':
        throw new IOException("redis error: " + line.substring(1));
      case '$':
        int length = Integer.parseInt(line.substring(1));
        if (length < 0) {
          return null;
        }
        byte[] body = in.readNBytes(length + 2);
        return new String(body, 0, length, StandardCharsets.UTF_8);
      case '*':
        int count = Integer.parseInt(line.substring(1));
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          items.add(reply(in));
        }
        return String.join("\n", items);
      default:
        throw new IOException("unexpected reply " + line);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != '\r') {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      line.append((char) c);
    }
    in.read();
    return line.toString();
  }

  private void end(boolean forcibly) {
    if (process == null) {
      return;
    }
    if (forcibly) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private File log() {
    return new File(System.getProperty("java.io.tmpdir"), "switchboard-redis-" + port + ".log");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
