package io.switchboard.it.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.NatsBackend;
import io.switchboard.support.NatsServer;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients' app messages reach a backend over NATS with the identity the hub verified, and the
 * backend's answers come back to the asking connection, through a real nats-server. The WAR runs
 * with {@code WS_APP_REQUEST_TIMEOUT=1}, {@code WS_APP_MAX_PENDING_PER_CONNECTION=2} and the rule
 * {@code app.admin.*=admin}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AppMessagesIT {

  private static NatsServer nats;
  private static NatsBackend backend;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private Dispatcher handlers;

  @BeforeAll
  static void startNats() {
    nats = NatsServer.start(NatsServer.configuredPort());
    backend = NatsBackend.connect(nats);
  }

  @AfterAll
  static void stopNats() {
    backend.close();
    nats.close();
  }

  @BeforeEach
  void bridgeIsReady() throws Exception {
    NatsBackend.awaitBridgeReady(base);
    handlers = backend.nats().createDispatcher();
  }

  @AfterEach
  void removeHandlers() {
    backend.nats().closeDispatcher(handlers);
  }

  private static JsonObject app(String data, boolean reply) {
    return Json.createObjectBuilder()
        .add("data", Json.createReader(new java.io.StringReader(data)).readValue())
        .add("reply", reply)
        .build();
  }

  /** Subscribes and waits until the server has registered the subscription. */
  private void handle(String subject, io.nats.client.MessageHandler handler) throws Exception {
    handlers.subscribe(subject, handler);
    backend.nats().flush(java.time.Duration.ofSeconds(5));
  }

  @Test
  void aRequestReachesTheBackendWithTheVerifiedIdentityAndItsReplyComesBackCorrelated()
      throws Exception {
    handle(
        "switchboard.app.orders.create",
        msg ->
            backend
                .nats()
                .publish(
                    msg.getReplyTo(),
                    Json.createObjectBuilder()
                        .add("user", msg.getHeaders().getFirst("Switchboard-User"))
                        .add("groups", msg.getHeaders().getFirst("Switchboard-Groups"))
                        .add("connection", msg.getHeaders().getFirst("Switchboard-Connection"))
                        .add("message_id", msg.getHeaders().getFirst("Switchboard-Message-Id"))
                        .add("type", msg.getHeaders().getFirst("Switchboard-Type"))
                        .add("body", new String(msg.getData(), StandardCharsets.UTF_8))
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8)));
    String user = Tokens.uniqueUser();
    try (HubClient client =
        HubClient.connect(
            Hub.ws(base),
            Handshake.withToken(Tokens.forUser(user).groups("staff", "buyers").sign()))) {
      String id = client.send("app.orders.create", app("{\"item\":\"book\",\"qty\":2}", true));

      JsonObject reply = client.await("app.reply");
      JsonObject payload = reply.getJsonObject("payload");
      assertThat(payload.getString("ref_message_id")).isEqualTo(id);
      assertThat(payload.getString("type")).isEqualTo("app.orders.create");
      JsonObject data = payload.getJsonObject("data");
      assertThat(data.getString("user")).isEqualTo(user);
      assertThat(data.getString("groups")).isEqualTo("buyers,staff");
      assertThat(data.getString("connection")).isEqualTo(client.connectionId());
      assertThat(data.getString("message_id")).isEqualTo(id);
      assertThat(data.getString("type")).isEqualTo("app.orders.create");
      assertThat(data.getString("body")).isEqualTo("{\"item\":\"book\",\"qty\":2}");
    }
  }

  @Test
  void anEventWithoutReplyIsPublishedToTheBackendAndAnswersNothing() throws Exception {
    BlockingQueue<Message> received = new ArrayBlockingQueue<>(10);
    handle("switchboard.app.cart.viewed", received::add);
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      String id = client.send("app.cart.viewed", app("{\"sku\":\"x1\"}", false));

      Message event = received.poll(10, TimeUnit.SECONDS);
      assertThat(event).isNotNull();
      assertThat(event.getHeaders().getFirst("Switchboard-User")).isEqualTo(client.userId());
      assertThat(event.getHeaders().getFirst("Switchboard-Message-Id")).isEqualTo(id);
      assertThat(event.getReplyTo()).isNull();
      assertThat(new String(event.getData(), StandardCharsets.UTF_8)).isEqualTo("{\"sku\":\"x1\"}");
      client.sync();
      assertThat(client.unread("app.reply")).isEmpty();
      assertThat(client.unread("error")).isEmpty();
    }
  }

  @Test
  void aRequestTheBackendDoesNotAnswerInTimeGetsBackendTimeout() throws Exception {
    BlockingQueue<Message> ignored = new ArrayBlockingQueue<>(10);
    handle("switchboard.app.slow.report", ignored::add);
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      String id = client.send("app.slow.report", app("{}", true));

      assertThat(client.awaitErrorCode(id)).isEqualTo("backend_timeout");
      assertThat(ignored).hasSize(1);
    }
  }

  @Test
  void aRequestNoBackendListensForGetsBackendUnavailable() {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      String id = client.send("app.nobody.home", app("{}", true));

      assertThat(client.awaitErrorCode(id)).isEqualTo("backend_unavailable");
    }
  }

  @Test
  void requestsBeyondTheConnectionsShareAreRefusedAsBusyUntilOneEnds() throws Exception {
    BlockingQueue<Message> ignored = new ArrayBlockingQueue<>(10);
    handle("switchboard.app.slow.batch", ignored::add);
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      String first = client.send("app.slow.batch", app("1", true));
      String second = client.send("app.slow.batch", app("2", true));
      String third = client.send("app.slow.batch", app("3", true));

      assertThat(client.awaitErrorCode(third)).isEqualTo("backend_busy");
      assertThat(client.awaitErrorCode(first)).isEqualTo("backend_timeout");
      assertThat(client.awaitErrorCode(second)).isEqualTo("backend_timeout");
    }
  }

  @Test
  void messageRulesApplyToAppTypesByGroup() throws Exception {
    BlockingQueue<Message> received = new ArrayBlockingQueue<>(10);
    handle("switchboard.app.admin.purge", received::add);
    try (HubClient user = HubClient.connect(Hub.ws(base));
        HubClient admin =
            HubClient.connect(
                Hub.ws(base),
                Handshake.withToken(Tokens.forUser(Tokens.uniqueUser()).groups("admin").sign()))) {
      String refused = user.send("app.admin.purge", app("{}", false));
      assertThat(user.awaitErrorCode(refused)).isEqualTo("forbidden");

      admin.send("app.admin.purge", app("{}", false));
      Message allowed = received.poll(10, TimeUnit.SECONDS);
      assertThat(allowed).isNotNull();
      assertThat(allowed.getHeaders().getFirst("Switchboard-Groups")).isEqualTo("admin");
      assertThat(received).isEmpty();
    }
  }

  @Test
  void aTypeOutsideTheAppPrefixIsStillAnUnknownType() {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      client.sendRaw("{\"type\":\"apps.orders\",\"message_id\":\"u1\",\"payload\":{}}");

      assertThat(client.awaitErrorCode("u1")).isEqualTo("unknown_type");
    }
  }
}
