package io.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.access.AccessPolicy;
import io.switchboard.access.MessagePolicy;
import io.switchboard.access.RoomPolicy;
import io.switchboard.auth.Caller;
import io.switchboard.auth.Rejection;
import io.switchboard.auth.TokenRejectedException;
import io.switchboard.bridge.AppMessages;
import io.switchboard.bridge.NatsLink;
import io.switchboard.cluster.LocalBus;
import io.switchboard.config.HubConfig;
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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Room and message rules, and {@code auth.refresh}, through the real dispatch and registry. */
class AccessDispatchTest {

  private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

  private final Connections connections = new Connections();
  private final Rooms rooms = new Rooms();
  private final LocalBus bus = new LocalBus(new Broadcaster(rooms, connections));
  private final HubConfig config = new HubConfig(Settings.defaults());
  private final AccessPolicy access =
      new AccessPolicy(
          RoomPolicy.parse("admin.*:join=admin,publish=admin;news.*:publish=editors", "public.*"),
          MessagePolicy.parse("message.direct=staff"));
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
          new TokenRefresh(AccessDispatchTest::verify, roomCommands),
          new Inboxes(new MemoryInbox(InboxLimits.of(config.settings())), bus),
          access,
          config,
          new RateLimiter(config),
          new HubMetrics(),
          new AppMessages(new NatsLink(), config, new HubMetrics()));
  private final InboundDecoder decoder = new InboundDecoder();

  /** Stands in for the verifier: {@code user:group|group} is a valid token, {@code bad} is not. */
  private static Caller verify(String token) throws TokenRejectedException {
    if (token.equals("bad")) {
      throw new TokenRejectedException(Rejection.TOKEN_EXPIRED, "test");
    }
    String[] parts = token.split(":", 2);
    Set<String> groups = parts.length > 1 ? Set.of(parts[1].split("\\|")) : Set.of();
    return new Caller(parts[0], parts[0], groups, LATER);
  }

  private Peer connect(Caller caller) {
    RecordingTransport transport = RecordingTransport.immediate();
    Connection connection =
        new Connection("conn-" + connections.count(), caller, transport, 100, 0);
    connections.admit(connection, Integer.MAX_VALUE, Integer.MAX_VALUE);
    return new Peer(connection, transport);
  }

  private void send(Peer peer, String type, String payload) {
    dispatcher.dispatch(
        peer.connection(),
        decoder.decode(
            "{\"type\":\"" + type + "\",\"message_id\":\"m\",\"payload\":" + payload + "}"));
  }

  private void join(Peer peer, String room) {
    send(peer, "room.join", "{\"room_id\":\"" + room + "\"}");
  }

  @Test
  void aRoomRestrictedToAGroupRefusesOthersAndAdmitsMembers() {
    Peer user = connect(Callers.user("user"));
    Peer admin = connect(Callers.user("root", "admin"));

    join(user, "admin.ops");
    join(admin, "admin.ops");

    assertThat(user.lastErrorCode()).isEqualTo("forbidden");
    assertThat(user.last().getJsonObject("payload").getString("message"))
        .contains("admin.ops", "group admin");
    assertThat(admin.last().getString("type")).isEqualTo("room.joined");
    assertThat(rooms.members("admin.ops")).containsExactly(admin.connection());
  }

  @Test
  void publishingIsAuthorizedApartFromJoining() {
    Peer reader = connect(Callers.user("reader"));
    Peer editor = connect(Callers.user("ed", "editors"));
    join(reader, "news.today");
    join(editor, "news.today");

    send(reader, "room.broadcast", "{\"room_id\":\"news.today\",\"message\":\"spam\"}");
    assertThat(reader.lastErrorCode()).isEqualTo("forbidden");

    send(editor, "room.broadcast", "{\"room_id\":\"news.today\",\"message\":\"headline\"}");
    assertThat(reader.last().getString("type")).isEqualTo("room.broadcast");
    assertThat(reader.last().getJsonObject("payload").getString("message")).isEqualTo("headline");
  }

  @Test
  void aMessageTypeRuleRefusesCallersOutsideItsGroups() {
    Peer user = connect(Callers.user("user"));
    Peer staff = connect(Callers.user("help", "staff"));

    send(user, "message.direct", "{\"user_id\":\"help\",\"message\":1}");
    assertThat(user.lastErrorCode()).isEqualTo("forbidden");
    assertThat(staff.frames()).isEmpty();

    send(staff, "message.direct", "{\"user_id\":\"user\",\"message\":1}");
    assertThat(user.last().getString("type")).isEqualTo("message.direct");
  }

  @Test
  void guestsAreKeptToTheGuestRooms() {
    Peer guest = connect(Caller.guest());

    join(guest, "lobby");
    assertThat(guest.lastErrorCode()).isEqualTo("forbidden");
    join(guest, "public.lobby");
    assertThat(guest.last().getString("type")).isEqualTo("room.joined");
  }

  @Test
  void aRefreshForTheSameUserReplacesTheTokenAndLeavesRoomsItsGroupsNoLongerAllow() {
    Peer admin = connect(Callers.user("root", "admin"));
    Peer other = connect(Callers.user("other", "admin"));
    join(admin, "admin.ops");
    join(admin, "lobby");
    join(other, "admin.ops");

    send(admin, "auth.refresh", "{\"token\":\"root:ops\"}");

    List<JsonObject> frames = admin.frames();
    JsonObject left = frames.get(frames.size() - 2);
    assertThat(left.getString("type")).isEqualTo("room.left");
    assertThat(left.getJsonObject("payload").getString("room_id")).isEqualTo("admin.ops");
    assertThat(left.getJsonObject("payload").getString("reason")).startsWith("access revoked");
    JsonObject refreshed = admin.last();
    assertThat(refreshed.getString("type")).isEqualTo("auth.refreshed");
    assertThat(refreshed.getJsonObject("payload").getJsonArray("groups").getString(0))
        .isEqualTo("ops");
    assertThat(refreshed.getJsonObject("payload").getString("expires_at"))
        .isEqualTo(LATER.toString());
    assertThat(admin.connection().caller().groups()).containsExactly("ops");
    assertThat(rooms.isMember("lobby", admin.connection())).isTrue();
    assertThat(other.last().getString("type")).isEqualTo("room.member.left");
  }

  @Test
  void aRefreshForAnotherUserIsRefusedAndTheOldTokenStays() {
    Caller before = Callers.user("root", "admin");
    Peer admin = connect(before);

    send(admin, "auth.refresh", "{\"token\":\"mallory:admin\"}");

    assertThat(admin.lastErrorCode()).isEqualTo("invalid_token");
    assertThat(admin.connection().caller()).isSameAs(before);
  }

  @Test
  void aRefusedRefreshTokenIsAnErrorAndTheOldTokenStays() {
    Caller before = Callers.user("root", "admin");
    Peer admin = connect(before);

    send(admin, "auth.refresh", "{\"token\":\"bad\"}");

    assertThat(admin.lastErrorCode()).isEqualTo("invalid_token");
    assertThat(admin.last().getJsonObject("payload").getString("message"))
        .contains("token expired");
    assertThat(admin.connection().caller()).isSameAs(before);
  }

  @Test
  void aGuestCannotRefresh() {
    Peer guest = connect(Caller.guest());

    send(guest, "auth.refresh", "{\"token\":\"root:admin\"}");

    assertThat(guest.lastErrorCode()).isEqualTo("forbidden");
  }
}
