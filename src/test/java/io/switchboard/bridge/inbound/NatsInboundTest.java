package io.switchboard.bridge.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamInfo;
import io.switchboard.backend.Publisher;
import io.switchboard.bridge.NatsReady;
import io.switchboard.cluster.LocalBus;
import io.switchboard.config.HubConfig;
import io.switchboard.config.Setting;
import io.switchboard.config.Settings;
import io.switchboard.config.TextSetting;
import io.switchboard.inbox.Inboxes;
import io.switchboard.inbox.MemoryInbox;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.node.Drain;
import io.switchboard.registry.Broadcaster;
import io.switchboard.registry.Connections;
import io.switchboard.registry.Rooms;
import io.switchboard.stream.MemoryRoomStreams;
import io.switchboard.support.Callers;
import io.switchboard.support.NatsServer;
import io.switchboard.support.RecordingTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JetStream side of the bridge against a real nats-server (started on a free port): stream and
 * consumer made when absent, messages acknowledged once the hub took them, bad ones terminated.
 */
class NatsInboundTest {

  private NatsServer server;
  private Connection nats;
  private final Connections connections = new Connections();
  private final NatsInbound inbound = new NatsInbound();

  @BeforeEach
  void start() throws Exception {
    server = NatsServer.start();
    nats = Nats.connect(server.url());
    HubConfig config =
        new HubConfig(
            Settings.read(
                Map.of(Setting.WS_NATS_ACK_WAIT, 2)::get,
                Map.of(TextSetting.WS_NATS_URL, server.url())::get));
    LocalBus bus = new LocalBus(new Broadcaster(new Rooms(), connections));
    inbound.config = config;
    inbound.publisher =
        new Publisher(
            bus, new MemoryRoomStreams(config), new Inboxes(new MemoryInbox(config), bus), config);
    inbound.drain = new Drain();
    inbound.metrics = new HubMetrics();
    inbound.init();
  }

  @AfterEach
  void stop() throws Exception {
    inbound.stop();
    nats.close();
    server.close();
  }

  private RecordingTransport connect(String user) {
    RecordingTransport transport = RecordingTransport.immediate();
    connections.admit(
        new io.switchboard.registry.Connection(
            "c-" + connections.count(), Callers.user(user), transport, 100, 0),
        Integer.MAX_VALUE,
        Integer.MAX_VALUE);
    return transport;
  }

  @Test
  void attachingCreatesTheDocumentedStreamAndDurableConsumer() throws Exception {
    inbound.attach(new NatsReady(nats));

    JetStreamManagement jsm = nats.jetStreamManagement();
    StreamInfo stream = jsm.getStreamInfo("SWITCHBOARD");
    assertThat(stream.getConfiguration().getSubjects())
        .containsExactly(
            "switchboard.room.>", "switchboard.user.>", "switchboard.group.>", "switchboard.push");
    assertThat(stream.getConfiguration().getRetentionPolicy()).isEqualTo(RetentionPolicy.WorkQueue);
    ConsumerInfo consumer = jsm.getConsumerInfo("SWITCHBOARD", "switchboard");
    assertThat(consumer.getConsumerConfiguration().getAckWait()).isEqualTo(Duration.ofSeconds(2));
    assertThat(inbound.attached()).isTrue();
  }

  @Test
  void aPublishedMessageReachesTheUserAndIsAcknowledged() throws Exception {
    RecordingTransport alice = connect("alice");
    inbound.attach(new NatsReady(nats));

    nats.jetStream()
        .publish(
            "switchboard.user.alice",
            "{\"message\":{\"order\":1042}}".getBytes(StandardCharsets.UTF_8));

    assertThat(alice.awaitWrittenContaining("\"order\":1042", Duration.ofSeconds(10))).isTrue();
    JetStreamManagement jsm = nats.jetStreamManagement();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (jsm.getStreamInfo("SWITCHBOARD").getStreamState().getMsgCount() > 0
        && System.nanoTime() < deadline) {
      nats.flush(Duration.ofSeconds(1));
    }
    assertThat(jsm.getStreamInfo("SWITCHBOARD").getStreamState().getMsgCount())
        .as("acknowledged, so removed from the work queue")
        .isZero();
  }

  @Test
  void aMessageThatCanNeverBeDeliveredIsTerminatedAndTheNextOneStillArrives() throws Exception {
    RecordingTransport bob = connect("bob");
    inbound.attach(new NatsReady(nats));

    nats.jetStream().publish("switchboard.user.bob", "not json".getBytes(StandardCharsets.UTF_8));
    nats.jetStream()
        .publish("switchboard.user.bob", "{\"message\":\"next\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(bob.awaitWrittenContaining("\"next\"", Duration.ofSeconds(10))).isTrue();
    assertThat(bob.written()).hasSize(1);
  }
}
