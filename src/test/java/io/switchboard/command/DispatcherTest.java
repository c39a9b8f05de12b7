package io.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.access.AccessPolicy;
import io.switchboard.access.MessagePolicy;
import io.switchboard.access.RoomPolicy;
import io.switchboard.auth.Rejection;
import io.switchboard.auth.TokenRejectedException;
import io.switchboard.bridge.AppMessages;
import io.switchboard.bridge.NatsLink;
import io.switchboard.cluster.LocalBus;
import io.switchboard.config.HubConfig;
import io.switchboard.config.Setting;
import io.switchboard.config.Settings;
import io.switchboard.inbox.InboxLimits;
import io.switchboard.inbox.Inboxes;
import io.switchboard.inbox.MemoryInbox;
import io.switchboard.limits.RateLimiter;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.presence.Announcements;
import io.switchboard.presence.Presence;
import io.switchboard.presence.Typing;
import io.switchboard.protocol.InboundDecoder;
import io.switchboard.registry.Broadcaster;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import io.switchboard.registry.Rooms;
import io.switchboard.stream.MemoryRoomStreams;
import io.switchboard.support.Callers;
import io.switchboard.support.Peer;
import io.switchboard.support.RecordingTransport;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dispatch over the real registry and in-memory bus, with sockets replaced by recording transports.
 */
class DispatcherTest {

  private final Connections connections = new Connections();
  private final Rooms rooms = new Rooms();
  private final LocalBus bus = new LocalBus(new Broadcaster(rooms, connections));
  private final HubConfig config =
      new HubConfig(
          Settings.read(
              Map.of(
                      Setting.WS_MAX_ROOMS_PER_CONNECTION, 2,
                      Setting.WS_ROSTER_LIMIT, 2,
                      Setting.WS_RATE_LIMIT, 20)
                  ::get));
  private final AccessPolicy access = new AccessPolicy(RoomPolicy.open(), MessagePolicy.open());
  private final Presence presence = new Presence();
  private final Announcements announcements = new Announcements(presence, rooms, bus, config);
  private final RoomCommands roomCommands =
      new RoomCommands(
          rooms, bus, config, access, new MemoryRoomStreams(config), presence, announcements);
  private final Dispatcher dispatcher =
      new Dispatcher(
          roomCommands,
          new PresenceCommands(
              rooms, connections, presence, new Typing(), bus, config, access, announcements),
          new DirectMessages(connections, bus),
          new TokenRefresh(
              token -> {
                throw new TokenRejectedException(Rejection.BAD_SIGNATURE, "test");
              },
              roomCommands),
          new Inboxes(new MemoryInbox(InboxLimits.of(config.settings())), bus),
          access,
          config,
          new RateLimiter(config),
          new HubMetrics(),
          new AppMessages(new NatsLink(), config, new HubMetrics()));
  private final InboundDecoder decoder = new InboundDecoder();

  private Peer connect(String user) {
    RecordingTransport transport = RecordingTransport.immediate();
    Connection connection =
        new Connection(
            "conn-" + user + "-" + connections.count(), Callers.user(user), transport, 100, 0);
    connections.admit(connection, Integer.MAX_VALUE, Integer.MAX_VALUE);
    return new Peer(connection, transport);
  }

  private void send(Peer peer, String frame) {
    dispatcher.dispatch(peer.connection(), decoder.decode(frame));
  }

  private static String join(String room) {
    return "{\"type\":\"room.join\",\"message_id\":\"j\",\"payload\":{\"room_id\":\""
        + room
        + "\"}}";
  }

  @Test
  void joiningARoomConfirmsTheRosterAndAnnouncesTheMemberToOthers() {
    Peer alice = connect("alice");
    Peer bob = connect("bob");
    send(alice, join("lobby"));

    send(bob, join("lobby"));

    JsonObject joined = bob.last().getJsonObject("payload");
    assertThat(joined.getInt("member_count")).isEqualTo(2);
    assertThat(alice.last().getString("type")).isEqualTo("room.member.joined");
    assertThat(alice.last().getJsonObject("payload").getJsonObject("member").getString("user_id"))
        .isEqualTo("bob");
    assertThat(bob.types()).containsExactly("room.joined");
  }

  @Test
  void anAppTypeWhileTheBridgeIsOffAndAnyOtherTypeOfNoOneAreUnknownTypes() {
    Peer alice = connect("alice");

    send(alice, "{\"type\":\"app.orders.create\",\"message_id\":\"a1\",\"payload\":{}}");
    send(alice, "{\"type\":\"chat.nonsense\",\"message_id\":\"a2\"}");

    assertThat(alice.types()).containsExactly("error", "error");
    assertThat(alice.last().getJsonObject("payload").getString("code")).isEqualTo("unknown_type");
    assertThat(alice.last().getJsonObject("payload").getString("ref_message_id")).isEqualTo("a2");
  }

  @Test
  void theRosterIsCappedButTheCountIsExact() {
    Peer a = connect("a");
    connect("b");
    send(connect("b"), join("big"));
    send(connect("c"), join("big"));
    send(connect("d"), join("big"));

    send(a, join("big"));

    JsonObject roster = a.last().getJsonObject("payload");
    assertThat(roster.getInt("member_count")).isEqualTo(4);
    assertThat(roster.getJsonArray("members")).hasSize(2);
  }

  @Test
  void aBroadcastReachesEveryMemberAndTheSenderUnlessExcluded() {
    Peer alice = connect("alice");
    Peer bob = connect("bob");
    Peer outsider = connect("eve");
    send(alice, join("r"));
    send(bob, join("r"));

    send(
        alice,
        "{\"type\":\"room.broadcast\",\"sender_id\":\"mallory\",\"payload\":{\"room_id\":\"r\",\"message\":{\"text\":\"hi\"}}}");
    send(
        alice,
        "{\"type\":\"room.broadcast\",\"payload\":{\"room_id\":\"r\",\"message\":\"quiet\",\"exclude_sender\":true}}");

    assertThat(bob.types()).containsExactly("room.joined", "room.broadcast", "room.broadcast");
    assertThat(alice.types())
        .containsExactly(
            "room.joined",
            "room.member.joined",
            "room.broadcast",
            "room.broadcast.ack",
            "room.broadcast.ack");
    assertThat(bob.frames().get(1).getString("sender_id")).isEqualTo("alice");
    assertThat(bob.frames().subList(1, 3))
        .extracting(f -> f.getJsonObject("payload").getInt("seq"))
        .containsExactly(1, 2);
    assertThat(outsider.types()).isEmpty();
  }

  @Test
  void aNonMemberCannotBroadcast() {
    Peer alice = connect("alice");

    send(
        alice,
        "{\"type\":\"room.broadcast\",\"message_id\":\"b1\",\"payload\":{\"room_id\":\"r\",\"message\":1}}");

    JsonObject error = alice.last().getJsonObject("payload");
    assertThat(error.getString("code")).isEqualTo("not_a_member");
    assertThat(error.getString("ref_message_id")).isEqualTo("b1");
  }

  @Test
  void leavingConfirmsAndTellsTheRemainingMembers() {
    Peer alice = connect("alice");
    Peer bob = connect("bob");
    send(alice, join("r"));
    send(bob, join("r"));

    send(bob, "{\"type\":\"room.leave\",\"payload\":{\"room_id\":\"r\"}}");

    assertThat(bob.last().getString("type")).isEqualTo("room.left");
    assertThat(bob.last().getJsonObject("payload").getInt("member_count")).isEqualTo(1);
    assertThat(alice.last().getString("type")).isEqualTo("room.member.left");
  }

  @Test
  void aDirectMessageToAUserReachesAllOfTheirConnections() {
    Peer alice = connect("alice");
    Peer bobPhone = connect("bob");
    Peer bobLaptop = connect("bob");

    send(
        alice,
        "{\"type\":\"message.direct\",\"payload\":{\"user_id\":\"bob\",\"message\":{\"text\":\"psst\"}}}");

    for (Peer bob : List.of(bobPhone, bobLaptop)) {
      assertThat(bob.last().getString("type")).isEqualTo("message.direct");
      assertThat(bob.last().getString("sender_id")).isEqualTo("alice");
      assertThat(bob.last().getJsonObject("payload").getString("sender_connection_id"))
          .isEqualTo(alice.connection().id());
    }
  }

  @Test
  void aDirectMessageToOneConnectionReachesOnlyIt() {
    Peer alice = connect("alice");
    Peer bobPhone = connect("bob");
    Peer bobLaptop = connect("bob");

    send(
        alice,
        "{\"type\":\"message.direct\",\"payload\":{\"connection_id\":\""
            + bobPhone.connection().id()
            + "\",\"message\":1}}");

    assertThat(bobPhone.types()).containsExactly("message.direct");
    assertThat(bobLaptop.types()).isEmpty();
  }

  @Test
  void aDirectMessageToSomeoneAbsentIsAnError() {
    Peer alice = connect("alice");

    send(
        alice,
        "{\"type\":\"message.direct\",\"message_id\":\"d\",\"payload\":{\"user_id\":\"nobody\",\"message\":1}}");
    send(
        alice,
        "{\"type\":\"message.direct\",\"payload\":{\"connection_id\":\"nope\",\"message\":1}}");

    assertThat(alice.frames())
        .extracting(f -> f.getJsonObject("payload").getString("code"))
        .containsExactly("target_not_found", "target_not_found");
  }

  @Test
  void aDirectMessageMustNameExactlyOneTarget() {
    Peer alice = connect("alice");

    send(
        alice,
        "{\"type\":\"message.direct\",\"payload\":{\"user_id\":\"a\",\"connection_id\":\"b\",\"message\":1}}");
    send(alice, "{\"type\":\"message.direct\",\"payload\":{\"message\":1}}");

    assertThat(alice.frames())
        .extracting(f -> f.getJsonObject("payload").getString("code"))
        .containsExactly("invalid_payload", "invalid_payload");
  }

  @Test
  void badPayloadsAreAnsweredWithTheirCodeAndTheConnectionKeepsWorking() {
    Peer alice = connect("alice");

    send(alice, "{\"type\":\"room.join\",\"payload\":{}}");
    send(alice, "{\"type\":\"room.join\",\"payload\":{\"room_id\":7}}");
    send(alice, "{\"type\":\"room.join\",\"payload\":{\"room_id\":\"\"}}");
    send(alice, "{\"type\":\"room.join\",\"payload\":{\"room_id\":\"" + "x".repeat(129) + "\"}}");
    send(alice, "{\"type\":\"room.join\",\"payload\":{\"room_id\":\"has space\"}}");
    send(
        alice,
        "{\"type\":\"room.broadcast\",\"payload\":{\"room_id\":\"r\",\"message\":1,\"exclude_sender\":\"yes\"}}");
    send(alice, "{\"type\":\"message.text\",\"payload\":{\"text\":[]}}");
    send(alice, "{\"type\":\"heartbeat.pong\",\"payload\":{}}");
    send(alice, join("ok"));

    assertThat(alice.frames())
        .extracting(
            f ->
                f.getString("type").equals("error")
                    ? f.getJsonObject("payload").getString("code")
                    : f.getString("type"))
        .containsExactly(
            "invalid_payload",
            "invalid_payload",
            "invalid_room_id",
            "invalid_room_id",
            "invalid_room_id",
            "invalid_payload",
            "invalid_payload",
            "invalid_payload",
            "room.joined");
  }

  @Test
  void theRoomLimitIsEnforcedPerConnection() {
    Peer alice = connect("alice");
    send(alice, join("a"));
    send(alice, join("b"));

    send(alice, join("c"));

    assertThat(alice.last().getJsonObject("payload").getString("code")).isEqualTo("room_limit");
  }

  @Test
  void aBinaryFrameIsRefusedPolitely() {
    Peer alice = connect("alice");

    dispatcher.rejectBinary(alice.connection(), 10);

    assertThat(alice.last().getJsonObject("payload").getString("code"))
        .isEqualTo("unsupported_frame");
  }

  @Test
  void aFrameOverTheSizeLimitClosesTheConnectionWith1009() {
    Peer alice = connect("alice");
    int limit = config.settings().maxMessageSize();
    String text = "\u00e9".repeat(limit / 2);

    send(alice, "{\"type\":\"message.text\",\"payload\":{\"text\":\"" + text + "\"}}");

    assertThat(alice.transport().closeCode()).isEqualTo(1009);
    assertThat(alice.types()).isEmpty();
  }

  @Test
  void framesOverTheRateLimitAreRefusedWithRetryAfterAndNotHandled() {
    Peer alice = connect("alice");
    for (int i = 0; i < 21; i++) {
      send(
          alice,
          "{\"type\":\"message.text\",\"message_id\":\"m" + i + "\",\"payload\":{\"text\":\"x\"}}");
    }

    List<JsonObject> frames = alice.frames();
    assertThat(frames).hasSize(21);
    assertThat(frames.subList(0, 20)).allMatch(f -> f.getString("type").equals("message.text"));
    JsonObject refused = frames.get(20).getJsonObject("payload");
    assertThat(refused.getString("code")).isEqualTo("rate_limited");
    assertThat(refused.getString("ref_message_id")).isEqualTo("m20");
    assertThat(refused.getJsonNumber("retry_after_ms").longValue()).isPositive();
  }

  @Test
  void pongsAreNeverRateLimited() {
    Peer alice = connect("alice");
    for (int i = 0; i < 50; i++) {
      send(alice, "{\"type\":\"heartbeat.pong\",\"payload\":{\"ping_message_id\":\"p\"}}");
    }
    send(alice, "{\"type\":\"message.text\",\"payload\":{\"text\":\"still allowed\"}}");

    assertThat(alice.types()).containsExactly("message.text");
  }

  @Test
  void sustainedFloodingClosesTheConnection() {
    Peer alice = connect("alice");

    for (int i = 0; i < 41; i++) {
      send(alice, "{\"type\":\"message.text\",\"payload\":{\"text\":\"x\"}}");
    }

    assertThat(alice.transport().closeCode()).isEqualTo(4004);
  }
}
