package io.switchboard.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.switchboard.config.HubConfig;
import io.switchboard.config.Setting;
import io.switchboard.config.Settings;
import io.switchboard.config.TextSetting;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Inbound;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.support.Callers;
import io.switchboard.support.NatsServer;
import io.switchboard.support.RecordingTransport;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * App messages through a real nats-server (free port), with the connection options the bridge uses:
 * each request gets exactly one answer, told apart by kind.
 */
class AppMessagesTest {

  private NatsServer server;
  private Connection nats;
  private Connection backend;
  private AppMessages apps;
  private final RecordingTransport transport = RecordingTransport.immediate();
  private final io.switchboard.registry.Connection client =
      new io.switchboard.registry.Connection(
          "c-1", Callers.user("alice", "staff"), transport, 100, 0);

  @BeforeEach
  void start() throws Exception {
    server = NatsServer.start();
    HubConfig config =
        new HubConfig(
            Settings.read(
                Map.of(
                        Setting.WS_APP_REQUEST_TIMEOUT,
                        1,
                        Setting.WS_APP_MAX_PENDING_PER_CONNECTION,
                        1)
                    ::get,
                Map.of(TextSetting.WS_NATS_URL, server.url())::get));
    nats = Nats.connect(NatsLink.options(config.settings().bridge()).build());
    backend = Nats.connect(server.url());
    NatsLink link =
        new NatsLink() {
          @Override
          public Optional<Connection> connection() {
            return Optional.of(nats);
          }

          @Override
          public boolean isConnected() {
            return true;
          }
        };
    apps = new AppMessages(link, config, new HubMetrics());
  }

  @AfterEach
  void stop() throws Exception {
    nats.close();
    backend.close();
    server.close();
  }

  private static Inbound.Custom request(String type, String id) {
    JsonObject payload =
        Json.PROVIDER.createObjectBuilder().add("data", 7).add("reply", true).build();
    return new Inbound.Custom(type, id, payload, 10);
  }

  private JsonObject only() throws Exception {
    String prefix = "\"ref_message_id\":";
    assertThat(transport.awaitWrittenContaining(prefix, Duration.ofSeconds(10))).isTrue();
    assertThat(transport.written()).hasSize(1);
    return Json.PROVIDER
        .createReader(new java.io.StringReader(transport.written().get(0)))
        .readObject();
  }

  @Test
  void theBackendsReplyComesBackAsAppReplyQuotingTheRequest() throws Exception {
    Dispatcher handlers =
        backend.createDispatcher(
            m ->
                backend.publish(
                    m.getReplyTo(),
                    ("{\"for\":\"" + m.getHeaders().getFirst(AppMessages.USER_HEADER) + "\"}")
                        .getBytes(StandardCharsets.UTF_8)));
    handlers.subscribe("switchboard.app.orders.create");
    backend.flush(Duration.ofSeconds(5));

    apps.forward(client, request("app.orders.create", "m-1"));

    JsonObject reply = only();
    assertThat(reply.getString("type")).isEqualTo("app.reply");
    assertThat(reply.getJsonObject("payload").getString("ref_message_id")).isEqualTo("m-1");
    assertThat(reply.getJsonObject("payload").getJsonObject("data").getString("for"))
        .isEqualTo("alice");
  }

  @Test
  void noBackendListeningIsBackendUnavailableAtOnce() throws Exception {
    apps.forward(client, request("app.nobody", "m-2"));

    JsonObject error = only();
    assertThat(error.getJsonObject("payload").getString("code")).isEqualTo("backend_unavailable");
    assertThat(apps.pending()).isZero();
  }

  @Test
  void aSilentBackendIsBackendTimeoutAndFreesTheSlot() throws Exception {
    backend.createDispatcher(m -> {}).subscribe("switchboard.app.slow");
    backend.flush(Duration.ofSeconds(5));

    apps.forward(client, request("app.slow", "m-3"));
    assertThatThrownBy(() -> apps.forward(client, request("app.slow", "m-4")))
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_BUSY));

    JsonObject error = only();
    assertThat(error.getJsonObject("payload").getString("code")).isEqualTo("backend_timeout");
    assertThat(error.getJsonObject("payload").getString("ref_message_id")).isEqualTo("m-3");
    assertThat(apps.pending()).isZero();
  }

  @Test
  void aRequestWithoutMessageIdOrWithABadNameIsRefused() {
    assertThatThrownBy(() -> apps.forward(client, request("app.x", null)))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAYLOAD));
    assertThatThrownBy(() -> apps.forward(client, request("app.a..b", "m-5")))
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE));
  }
}
