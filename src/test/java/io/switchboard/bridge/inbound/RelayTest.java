package io.switchboard.bridge.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.backend.Publisher;
import io.switchboard.bridge.Subjects;
import io.switchboard.bridge.inbound.Relay.Outcome;
import io.switchboard.cluster.LocalBus;
import io.switchboard.config.HubConfig;
import io.switchboard.config.Settings;
import io.switchboard.inbox.Inboxes;
import io.switchboard.inbox.MemoryInbox;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.registry.Broadcaster;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import io.switchboard.registry.Rooms;
import io.switchboard.stream.MemoryRoomStreams;
import io.switchboard.support.Callers;
import io.switchboard.support.RecordingTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bridge's routing through the real publishing service, bus and registry. */
class RelayTest {

  private final Connections connections = new Connections();
  private final LocalBus bus = new LocalBus(new Broadcaster(new Rooms(), connections));
  private final HubConfig config = new HubConfig(Settings.defaults());
  private final Relay relay =
      new Relay(
          new Subjects("switchboard"),
          new Publisher(
              bus,
              new MemoryRoomStreams(config),
              new Inboxes(new MemoryInbox(config), bus),
              config),
          new RecentKeys(100, Duration.ofMinutes(1).toNanos()));

  private RecordingTransport connect(String user, String... groups) {
    RecordingTransport transport = RecordingTransport.immediate();
    Connection connection =
        new Connection(
            "conn-" + user + "-" + connections.count(),
            Callers.user(user, groups),
            transport,
            100,
            0);
    connections.admit(connection, Integer.MAX_VALUE, Integer.MAX_VALUE);
    return transport;
  }

  private static Relay.Message message(String subject, String body, String id) {
    return message(subject, Map.of(), body, id);
  }

  private static Relay.Message message(
      String subject, Map<String, String> headers, String body, String id) {
    return new Relay.Message(subject, headers::get, body.getBytes(StandardCharsets.UTF_8), id);
  }

  @Test
  void aRedeliveredRoomMessageIsADuplicateOfTheFirst() {
    Relay.Message order = message("switchboard.room.orders.eu", "{\"message\":{\"n\":1}}", "m-1");

    assertThat(relay.relay(order)).isEqualTo(Outcome.DELIVERED);
    assertThat(relay.relay(order)).isEqualTo(Outcome.DUPLICATE);
    assertThat(relay.relay(message("switchboard.room.orders.eu", "{\"message\":2}", "m-2")))
        .isEqualTo(Outcome.DELIVERED);
  }

  @Test
  void aUserMessageReachesEveryConnectionOfTheUserOnceThoughRedelivered() {
    RecordingTransport phone = connect("alice");
    RecordingTransport laptop = connect("alice");
    RecordingTransport other = connect("bob");
    Relay.Message push = message("switchboard.user.alice", "{\"message\":\"shipped\"}", "m-3");

    assertThat(relay.relay(push)).isEqualTo(Outcome.DELIVERED);
    assertThat(relay.relay(push)).isEqualTo(Outcome.DUPLICATE);

    assertThat(phone.written()).hasSize(1).allMatch(f -> f.contains("\"message.push\""));
    assertThat(laptop.written()).hasSize(1);
    assertThat(other.written()).isEmpty();
  }

  @Test
  void theSameIdForAnotherTargetIsAnotherMessage() {
    connect("alice");
    relay.relay(message("switchboard.user.alice", "{\"message\":1}", "same"));

    assertThat(relay.relay(message("switchboard.group.ops", "{\"message\":1}", "same")))
        .isEqualTo(Outcome.DELIVERED);
  }

  @Test
  void aGroupMessageReachesOnlyTheGroupsConnections() {
    RecordingTransport ops = connect("carol", "ops");
    RecordingTransport outside = connect("dave", "sales");

    relay.relay(message("switchboard.group.ops", "{\"message\":{\"alert\":true}}", "m-4"));

    assertThat(ops.written()).hasSize(1).allMatch(f -> f.contains("\"scope\":\"group\""));
    assertThat(outside.written()).isEmpty();
  }

  @Test
  void thePushSubjectTakesTheTargetFromHeaders() {
    RecordingTransport john = connect("john doe");

    relay.relay(
        message(
            "switchboard.push",
            Map.of(Subjects.TARGET_HEADER, "user", Subjects.ID_HEADER, "john doe"),
            "{\"message\":1}",
            "m-5"));

    assertThat(john.written()).hasSize(1);
  }

  @Test
  void messagesThatCanNeverBeDeliveredAreRefusedForGood() {
    for (Relay.Message bad :
        new Relay.Message[] {
          message("switchboard.room.x", "not json", "b1"),
          message("switchboard.room.x", "[1]", "b2"),
          message("switchboard.room.x", "{\"other\":1}", "b3"),
          message("switchboard.channel.x", "{\"message\":1}", "b4"),
          message("switchboard.room.bad/id", "{\"message\":1}", "b5"),
          message("switchboard.user.alice", "{\"message\":1,\"persist\":\"yes\"}", "b6"),
          message("switchboard.push", "{\"message\":1}", "b7")
        }) {
      assertThatThrownBy(() -> relay.relay(bad))
          .as(bad.subject() + " " + new String(bad.body(), StandardCharsets.UTF_8))
          .isInstanceOfSatisfying(
              ProtocolException.class, e -> assertThat(Relay.permanent(e)).isTrue());
    }
  }

  @Test
  void onlyInvalidInputIsPermanent() {
    assertThat(Relay.permanent(new ProtocolException(ErrorCode.INTERNAL_ERROR, "x"))).isFalse();
    assertThat(Relay.permanent(new ProtocolException(ErrorCode.MESSAGE_TOO_LARGE, "x"))).isTrue();
  }
}
