package io.switchboard.support;

import static org.assertj.core.api.Assertions.fail;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A backend service as a test plays it: a real NATS client that publishes into the hub's stream the
 * way an application would (JetStream publish, retried with the same {@code Nats-Msg-Id} until the
 * server acknowledges it) and answers app requests.
 */
public final class NatsBackend implements AutoCloseable {

  private static final Duration READY = Duration.ofSeconds(60);

  private final Connection connection;
  private final JetStream jetStream;

  private NatsBackend(Connection connection) throws IOException {
    this.connection = connection;
    this.jetStream = connection.jetStream();
  }

  public static NatsBackend connect(NatsServer server) {
    try {
      return new NatsBackend(
          Nats.connect(
              new Options.Builder()
                  .server(server.url())
                  .maxReconnects(-1)
                  .reconnectWait(Duration.ofMillis(100))
                  .connectionName("test-backend")
                  .build()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Connection nats() {
    return connection;
  }

  /**
   * Publishes {@code body} on {@code subject} into JetStream with {@code id} as {@code
   * Nats-Msg-Id}, retrying the same message until the server acknowledges it (as a backend that
   * must not lose an order event would); returns the server's ack.
   */
  public PublishAck publish(String subject, Headers headers, String body, String id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        return jetStream.publish(
            subject,
            headers,
            body.getBytes(StandardCharsets.UTF_8),
            PublishOptions.builder().messageId(id).streamTimeout(Duration.ofSeconds(2)).build());
      } catch (Exception e) {
        last = e;
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
    }
    throw new IllegalStateException("publish of " + id + " never acknowledged", last);
  }

  public PublishAck publish(String subject, String body, String id) {
    return publish(subject, null, body, id);
  }

  /**
   * Waits until the hub reports its NATS bridge ready (connected, consumer reading): after the
   * server has (re)started, the bridge reconnects within a second or so.
   */
  public static void awaitBridgeReady(URL base) {
    long deadline = System.nanoTime() + READY.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> ready = Hub.health(base, "ready");
        last = ready.body();
        if (natsUp(last)) {
          return;
        }
      } catch (Exception e) {
        last = e.toString();
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
    }
    fail("the NATS bridge did not become ready within %s: %s", READY, last);
  }

  private static boolean natsUp(String health) {
    JsonObject body = jakarta.json.Json.createReader(new StringReader(health)).readObject();
    return body.getJsonArray("checks").stream()
        .map(c -> c.asJsonObject())
        .anyMatch(
            c ->
                c.getString("name").equals("switchboard-nats")
                    && c.getString("status").equals("UP"));
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
