package io.switchboard.support.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One hub node as a real server process serving the packaged WAR: started, stopped (SIGTERM, the
 * graceful drain), killed ({@code kill -9}: no drain, no shutdown hook) and started again on the
 * same port, so clients reconnect to the same address as they would behind a load balancer. Its
 * output goes to {@code <work>/node.log}, quoted when it fails to become ready.
 */
public final class Node {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final NodeRuntime runtime;
  private final Path work;
  private final Map<String, String> environment;
  private final int port;
  private Process process;

  Node(String name, NodeRuntime runtime, Path work, Map<String, String> environment) {
    this.name = name;
    this.runtime = runtime;
    this.work = work;
    this.environment = Map.copyOf(environment);
    this.port = freePort();
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** The node's WebSocket endpoint. */
  public URI ws() {
    return URI.create("ws://localhost:" + port + "/ws");
  }

  /** {@code relative} (no leading slash) on the node, over HTTP. */
  public URI http(String relative) {
    return URI.create("http://localhost:" + port + "/" + relative);
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the process; {@link #awaitReady} waits for it to serve. */
  public synchronized void start() {
    if (isRunning()) {
      throw new IllegalStateException(name + " is already running");
    }
    try {
      Files.createDirectories(work);
      ProcessBuilder builder =
          new ProcessBuilder(runtime.command(name, port, work))
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + name, e);
    }
  }

  /** Waits until the node's readiness check answers 200; fails with its log if it never does. */
  public void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    URI ready = URI.create("http://localhost:" + port + runtime.readinessPath());
    while (System.nanoTime() < deadline) {
      if (!isRunning()) {
        throw new IllegalStateException(name + " exited before it was ready:\n" + logTail());
      }
      if (status(ready) == 200) {
        return;
      }
      if (runtime.deploymentFailed(logText())) {
        throw new IllegalStateException(name + " failed to deploy the WAR:\n" + logTail());
      }
      pause(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        name + " not ready within " + READY_TIMEOUT + ":\n" + logTail());
  }

  /** Stops the node as an operator would (SIGTERM: the hub drains its clients first). */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    awaitExit(STOP_TIMEOUT);
    if (process.isAlive()) {
      process.destroyForcibly();
      awaitExit(STOP_TIMEOUT);
    }
    process = null;
  }

  /** {@code kill -9}: the node vanishes without closing a socket or telling anyone. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    awaitExit(STOP_TIMEOUT);
    process = null;
  }

  private void awaitExit(Duration timeout) {
    try {
      process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Path log() {
    return work.resolve("node.log");
  }

  private String logText() {
    try {
      return Files.readString(log());
    } catch (IOException e) {
      return "";
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int status(URI uri) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The harness's own polling interval; tests themselves synchronise on frames, not on time. */
  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name + "@" + port;
  }
}
