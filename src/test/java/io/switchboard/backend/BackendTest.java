package io.switchboard.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.access.AccessPolicy;
import io.switchboard.access.MessagePolicy;
import io.switchboard.access.RoomPolicy;
import io.switchboard.cluster.LocalBus;
import io.switchboard.command.RoomCommands;
import io.switchboard.config.HubConfig;
import io.switchboard.config.Settings;
import io.switchboard.inbox.InboxLimits;
import io.switchboard.inbox.Inboxes;
import io.switchboard.inbox.MemoryInbox;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.presence.Announcements;
import io.switchboard.presence.Presence;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.registry.Broadcaster;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import io.switchboard.registry.Rooms;
import io.switchboard.stream.Continuity;
import io.switchboard.stream.MemoryRoomStreams;
import io.switchboard.stream.Position;
import io.switchboard.support.Callers;
import io.switchboard.support.Peer;
import io.switchboard.support.RecordingTransport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * The service layer over the real registry, streams, inbox and in-memory bus, with sockets replaced
 * by recording transports; every frame is checked against the protocol's schema.
 */
class BackendTest {

  private final Connections connections = new Connections();
  private final Rooms rooms = new Rooms();
  private final HubConfig config = new HubConfig(Settings.defaults());
  private final LocalBus bus =
      new LocalBus(
          new Broadcaster(rooms, connections), new HubMetrics(), a -> memberships().apply(a));
  private final Presence presence = new Presence();
  private final Announcements announcements = new Announcements(presence, rooms, bus, config);
  private final MemoryRoomStreams streams = new MemoryRoomStreams(config);
  private final RoomCommands roomCommands =
      new RoomCommands(
          rooms,
          bus,
          config,
          new AccessPolicy(RoomPolicy.open(), MessagePolicy.open()),
          streams,
          presence,
          announcements);
  private final Inboxes inboxes =
      new Inboxes(new MemoryInbox(InboxLimits.of(config.settings())), bus);
  private final Publisher publisher = new Publisher(bus, streams, inboxes, config);
  private final Memberships memberships = new Memberships(bus, connections, roomCommands);
  private final RoomReader reader = new RoomReader(rooms, presence, announcements, streams, config);

  private Memberships memberships() {
    return memberships;
  }

  private int count;

  private Peer connect(String user, String... groups) {
    RecordingTransport transport = RecordingTransport.immediate();
    Connection connection =
        new Connection("conn-" + count++, Callers.user(user, groups), transport, 100, 0);
    inboxes.attach(
        connection,
        () ->
            connections.admit(connection, Integer.MAX_VALUE, Integer.MAX_VALUE)
                == Connections.Admission.ADMITTED);
    return new Peer(connection, transport);
  }

  private static JsonObject text(String text) {
    return Json.createObjectBuilder().add("text", text).build();
  }

  @Test
  void aRoomPublishReachesTheMembersFromTheServiceWithoutAConnection() {
    Peer member = connect("ann");
    memberships.join("ann", "lobby");

    RoomPublished published = publisher.toRoom("orders", "lobby", text("hi"), null);

    JsonObject frame = member.last();
    assertThat(frame.getString("type")).isEqualTo("room.broadcast");
    assertThat(frame.getString("sender_id")).isEqualTo("orders");
    assertThat(frame.getJsonObject("payload").get("sender_connection_id"))
        .isEqualTo(JsonValue.NULL);
    assertThat(frame.getJsonObject("payload").getInt("seq")).isEqualTo(published.seq()).isOne();
  }

  @Test
  void aKeyIsDeduplicatedPerServiceAndNeverCollidesWithAMembersMessageId() {
    RoomPublished first = publisher.toRoom("orders", "room", text("a"), "k1");
    RoomPublished retry = publisher.toRoom("orders", "room", text("a"), "k1");
    RoomPublished otherService = publisher.toRoom("billing", "room", text("a"), "k1");

    assertThat(retry).isEqualTo(new RoomPublished("room", first.seq(), first.epoch(), true));
    assertThat(otherService.duplicate()).isFalse();
    assertThat(otherService.seq()).isEqualTo(first.seq() + 1);
  }

  @Test
  void historyReadsTheStreamWithTheJoinsContinuityAnswer() {
    RoomPublished one = publisher.toRoom("orders", "h", text("1"), null);
    publisher.toRoom("orders", "h", text("2"), null);

    assertThat(reader.history("h", null, 10).frames()).hasSize(2);
    RoomHistory since = reader.history("h", new Position(one.epoch(), 1), 10);
    assertThat(since.continuity()).isEqualTo(Continuity.RECOVERED);
    assertThat(since.frames()).hasSize(1);
    assertThat(reader.history("h", new Position("other", 1), 10).continuity())
        .isEqualTo(Continuity.EPOCH_CHANGED);
    assertThatThrownBy(() -> reader.history("h", null, 1000)).isInstanceOf(ProtocolException.class);
  }

  @Test
  void aGroupMessageReachesOnlyTheGroupsConnections() {
    Peer inGroup = connect("ann", "staff");
    Peer outside = connect("bob");

    publisher.toGroup("ops", "staff", text("deploy at 5"));

    assertThat(inGroup.types()).containsExactly("message.push");
    assertThat(outside.types()).isEmpty();
  }

  @Test
  void aPersistedMessageIsReplayedToEachNewConnectionUntilAcknowledged() {
    UserPushed pushed = publisher.toUser("orders", "ann", text("shipped"), true);

    Peer phone = connect("ann");
    assertThat(phone.types()).containsExactly("inbox.item");
    assertThat(phone.last().getJsonObject("payload").getJsonNumber("id").longValue())
        .isEqualTo(pushed.inboxId());
    Peer laptop = connect("ann");
    assertThat(laptop.types()).containsExactly("inbox.item");

    inboxes.ack(
        laptop.connection(),
        Json.createObjectBuilder()
            .add("ids", Json.createArrayBuilder().add(pushed.inboxId()))
            .build());
    assertThat(connect("ann").types()).isEmpty();
  }

  @Test
  void aServerSideRemovalTellsEachConnectionWhy() {
    Peer phone = connect("ann");
    Peer laptop = connect("ann");
    memberships.join("ann", "lobby");

    memberships.remove("ann", "lobby", "moderated");

    assertThat(phone.types()).containsExactly("room.joined", "room.left");
    assertThat(laptop.last().getJsonObject("payload").getString("reason")).isEqualTo("moderated");
    assertThat(reader.state("lobby").memberCount()).isZero();
  }

  @Test
  void badTargetsAndOversizedMessagesAreRefusedWithTheProtocolsCodes() {
    assertThatThrownBy(() -> publisher.toRoom("orders", "no room", text("x"), null))
        .extracting(e -> ((ProtocolException) e).code())
        .isEqualTo(ErrorCode.INVALID_ROOM_ID);
    assertThatThrownBy(() -> publisher.toUser("orders", "", text("x"), false))
        .extracting(e -> ((ProtocolException) e).code())
        .isEqualTo(ErrorCode.INVALID_PAYLOAD);
    assertThatThrownBy(
            () ->
                publisher.toAll(
                    "orders", Json.createValue("x".repeat(config.settings().maxMessageSize()))))
        .extracting(e -> ((ProtocolException) e).code())
        .isEqualTo(ErrorCode.MESSAGE_TOO_LARGE);
  }
}
