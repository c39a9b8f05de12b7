package io.switchboard.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A real WebSocket client (Tyrus) speaking the hub's protocol, for the integration tests. Every
 * frame it receives is checked against {@code docs/schema/server-frames.schema.json}; every
 * well-formed frame it sends against the client schema. It answers {@code heartbeat.ping} like a
 * well-behaved client unless told not to. It authenticates as a {@link Handshake} says: by default
 * with a fresh valid token.
 */
public final class HubClient implements AutoCloseable {

  public static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final WebSocketContainer CONTAINER = container();

  private final boolean answerPings;
  private final java.util.concurrent.atomic.AtomicInteger pingsAnswered =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Deque<JsonObject> pending = new ArrayDeque<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
  private final Map<String, List<String>> responseHeaders = new ConcurrentHashMap<>();
  private Session session;
  private JsonObject established;

  private HubClient(boolean answerPings) {
    this.answerPings = answerPings;
  }

  /**
   * Connects with a fresh valid token and waits for {@code connection.established}; answers pings.
   */
  public static HubClient connect(URI uri) {
    return connect(uri, new Handshake());
  }

  public static HubClient connect(URI uri, boolean answerPings) {
    Handshake handshake = new Handshake();
    return connect(uri, answerPings ? handshake : handshake.silent());
  }

  /** Connects as {@code handshake} says and waits for {@code connection.established}. */
  public static HubClient connect(URI uri, Handshake handshake) {
    HubClient client = open(uri, handshake);
    client.established = client.await("connection.established");
    return client;
  }

  /**
   * Opens a connection as {@code handshake} says without waiting for anything: for a connection
   * that must authenticate with its first frame, or one the server will close.
   */
  public static HubClient open(URI uri, Handshake handshake) {
    HubClient client = new HubClient(handshake.answerPings);
    ClientEndpointConfig config =
        ClientEndpointConfig.Builder.create()
            .preferredSubprotocols(handshake.offeredSubprotocols())
            .configurator(
                new ClientEndpointConfig.Configurator() {
                  @Override
                  public void beforeRequest(Map<String, List<String>> headers) {
                    headers.keySet().removeIf(name -> name.equalsIgnoreCase("Origin"));
                    if (handshake.origin != null) {
                      headers.put("Origin", List.of(handshake.origin));
                    }
                    if (handshake.authorization() != null) {
                      headers.put("Authorization", List.of(handshake.authorization()));
                    }
                    if (handshake.cookie() != null) {
                      headers.put("Cookie", List.of(handshake.cookie()));
                    }
                  }

                  @Override
                  public void afterResponse(HandshakeResponse response) {
                    client.responseHeaders.putAll(response.getHeaders());
                  }
                })
            .build();
    try {
      client.session = CONTAINER.connectToServer(client.new Listener(), config, handshake.uri(uri));
    } catch (DeploymentException | IOException e) {
      throw new IllegalStateException("cannot connect to " + uri + " with " + handshake, e);
    }
    return client;
  }

  /** The upgrade response's headers, as the client received them. */
  public Map<String, List<String>> responseHeaders() {
    return responseHeaders;
  }

  public String negotiatedSubprotocol() {
    return session.getNegotiatedSubprotocol();
  }

  /**
   * Connects with a fresh valid token expecting the server to close the connection before greeting
   * it, and returns the close reason.
   */
  public static CloseReason connectRefused(URI uri) {
    return connectRefused(uri, new Handshake());
  }

  /**
   * Connects as {@code handshake} says expecting the server to close the connection before greeting
   * it, and returns the close reason.
   */
  public static CloseReason connectRefused(URI uri, Handshake handshake) {
    HubClient client = open(uri, handshake);
    CloseReason reason = client.awaitClose();
    assertThat(client.unread("connection.established")).as("no greeting").isEmpty();
    return reason;
  }

  public JsonObject established() {
    return established;
  }

  /**
   * Waits for {@code connection.established} or the close, whichever comes first, on a connection
   * made with {@link #open}: true when greeted.
   */
  public synchronized boolean greetedOrClosed() {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      if (!unread("connection.established").isEmpty()) {
        established = await("connection.established");
        return true;
      }
      if (closed.isDone()) {
        return false;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return fail("neither greeted nor closed within %s", TIMEOUT);
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Waits for {@code connection.established} on a connection made with {@link #open}. */
  public JsonObject awaitEstablished() {
    established = await("connection.established");
    return established;
  }

  public String connectionId() {
    return established.getJsonObject("payload").getString("connection_id");
  }

  public String userId() {
    return established.getJsonObject("payload").getString("user_id");
  }

  /** Sends a well-formed frame of {@code type} and returns its message_id. */
  public String send(String type, JsonObject payload) {
    String messageId = UUID.randomUUID().toString();
    String frame =
        Json.createObjectBuilder()
            .add("type", type)
            .add("message_id", messageId)
            .add("timestamp", Instant.now().toString())
            .add("payload", payload)
            .build()
            .toString();
    assertThat(FrameContract.clientFrameViolations(frame)).as("client frame %s", frame).isEmpty();
    sendRaw(frame);
    return messageId;
  }

  public String join(String roomId) {
    return send("room.join", Json.createObjectBuilder().add("room_id", roomId).build());
  }

  public String broadcast(String roomId, JsonObject message, boolean excludeSender) {
    return send(
        "room.broadcast",
        Json.createObjectBuilder()
            .add("room_id", roomId)
            .add("message", message)
            .add("exclude_sender", excludeSender)
            .build());
  }

  /** Sends text exactly as given, valid or not. */
  public void sendRaw(String text) {
    try {
      session.getBasicRemote().sendText(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void sendBinary(ByteBuffer data) {
    try {
      session.getBasicRemote().sendBinary(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the next frame of {@code type}, leaving frames of other types for later awaits. */
  public JsonObject await(String type) {
    return await(type, TIMEOUT);
  }

  public JsonObject await(String type, Duration timeout) {
    return await(type, timeout, frame -> true);
  }

  /** Waits for the next frame of {@code type} that matches, leaving the others for later awaits. */
  public JsonObject await(String type, Predicate<JsonObject> matching) {
    return await(type, TIMEOUT, matching);
  }

  /** Waits until a matching frame has arrived, but leaves it unread for a later await. */
  public void awaitArrival(String type, Predicate<JsonObject> matching) {
    find(type, TIMEOUT, matching, false);
  }

  private JsonObject await(String type, Duration timeout, Predicate<JsonObject> matching) {
    return find(type, timeout, matching, true);
  }

  private synchronized JsonObject find(
      String type, Duration timeout, Predicate<JsonObject> matching, boolean take) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      assertThat(violations).as("frames breaking docs/schema/server-frames.schema.json").isEmpty();
      for (Iterator<JsonObject> it = pending.iterator(); it.hasNext(); ) {
        JsonObject frame = it.next();
        if (frame.getString("type").equals(type) && matching.test(frame)) {
          if (take) {
            it.remove();
          }
          return frame;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return fail(
            "no matching %s frame within %s; unread frames: %s; pings answered: %d; closed: %s",
            type, timeout, pending, pingsAnswered.get(), describe(closed.getNow(null)));
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String describe(CloseReason reason) {
    return reason == null ? "no" : reason.getCloseCode().getCode() + " " + reason.getReasonPhrase();
  }

  /** Waits for an {@code error} answering {@code refMessageId} and returns its code. */
  public String awaitErrorCode(String refMessageId) {
    JsonObject error = await("error");
    assertThat(error.getJsonObject("payload").get("ref_message_id").toString())
        .isEqualTo(refMessageId == null ? "null" : "\"" + refMessageId + "\"");
    return error.getJsonObject("payload").getString("code");
  }

  /**
   * Round-trips an echo: once it is back, every frame the server queued for this connection before
   * it has arrived (one writer per connection keeps order), so what is not pending now was never
   * sent.
   */
  public void sync() {
    String token = UUID.randomUUID().toString();
    send("message.text", Json.createObjectBuilder().add("text", token).build());
    JsonObject echo = await("message.text");
    assertThat(echo.getJsonObject("payload").getString("text")).isEqualTo(token);
  }

  /**
   * Waits until this client has answered {@code count} pings; the connection must stay open
   * meanwhile.
   */
  public synchronized void awaitPingsAnswered(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pingsAnswered.get() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || closed.isDone()) {
        fail(
            "answered %d of %d pings; closed: %s", pingsAnswered.get(), count, closed.getNow(null));
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** How many pings this client has answered so far. */
  public int pingsAnswered() {
    return pingsAnswered.get();
  }

  /** Waits {@code quiet} and asserts that no frame arrived meanwhile and the connection is open. */
  public synchronized void expectNothingFor(Duration quiet) {
    long deadline = System.nanoTime() + quiet.toNanos();
    try {
      for (long left = quiet.toNanos(); left > 0; left = deadline - System.nanoTime()) {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertThat(pending).as("frames that arrived unasked").isEmpty();
    assertThat(closed).as("connection still open").isNotDone();
  }

  /** Unread frames of {@code type}. */
  public synchronized List<JsonObject> unread(String type) {
    return pending.stream().filter(f -> f.getString("type").equals(type)).toList();
  }

  public CloseReason awaitClose() {
    return awaitClose(TIMEOUT);
  }

  public CloseReason awaitClose(Duration timeout) {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return fail("connection not closed within %s", timeout);
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean isOpen() {
    return session.isOpen();
  }

  @Override
  public void close() {
    try {
      if (session.isOpen()) {
        session.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void received(String text) {
    violations.addAll(
        FrameContract.serverFrameViolations(text).stream().map(v -> v + " in " + text).toList());
    JsonObject frame = Json.createReader(new StringReader(text)).readObject();
    if (answerPings && frame.getString("type").equals("heartbeat.ping")) {
      JsonObjectBuilder payload =
          Json.createObjectBuilder()
              .add("ping_message_id", frame.getString("message_id"))
              .add("client_time", Instant.now().toString());
      send("heartbeat.pong", payload.build());
      synchronized (this) {
        pingsAnswered.incrementAndGet();
        notifyAll();
      }
      return;
    }
    synchronized (this) {
      pending.add(frame);
      notifyAll();
    }
  }

  private final class Listener extends Endpoint {
    @Override
    public void onOpen(Session session, EndpointConfig config) {
      session.addMessageHandler(
          String.class, (MessageHandler.Whole<String>) HubClient.this::received);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
      closed.complete(reason);
    }

    @Override
    public void onError(Session session, Throwable error) {
      if (!session.isOpen()) {
        closed.complete(
            new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, String.valueOf(error)));
      }
    }
  }

  private static WebSocketContainer container() {
    WebSocketContainer container = ContainerProvider.getWebSocketContainer();
    container.setDefaultMaxTextMessageBufferSize(4 * 1024 * 1024);
    return container;
  }
}
