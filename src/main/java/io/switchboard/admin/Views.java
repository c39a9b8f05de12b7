package io.switchboard.admin;

import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import io.switchboard.registry.Rooms;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the admin API shows of the registry: snapshots, never live objects. */
public final class Views {

  private Views() {}

  /** One open connection. */
  @Schema(name = "Connection")
  public record ConnectionView(
      @JsonbProperty("connection_id") String connectionId,
      @JsonbProperty("user_id") String userId,
      @Schema(enumeration = {"authenticated", "guest"}) String auth,
      List<String> groups,
      List<String> rooms,
      @JsonbProperty("opened_at") String openedAt,
      @JsonbProperty("expires_at") String expiresAt,
      @JsonbProperty("messages_in") long messagesIn,
      @JsonbProperty("messages_out") long messagesOut,
      long queued,
      @JsonbProperty("heartbeat_rtt_ms") long heartbeatRttMs) {

    static ConnectionView of(Connection c, Rooms rooms) {
      var caller = c.caller();
      return new ConnectionView(
          c.id(),
          c.userId(),
          caller.isGuest() ? "guest" : "authenticated",
          caller.groups().stream().sorted().toList(),
          rooms.roomsOf(c).stream().sorted().toList(),
          c.openedAt().toString(),
          caller.isGuest() ? null : caller.expiresAt().toString(),
          c.received(),
          c.sent(),
          c.queued(),
          c.liveness().roundTripMillis());
    }
  }

  /** A user connected to this node, with the ids of its connections. */
  @Schema(name = "User")
  public record UserView(
      @JsonbProperty("user_id") String userId,
      @JsonbProperty("connection_ids") List<String> connectionIds) {

    static UserView of(String userId, Connections connections) {
      return new UserView(userId, ids(connections.ofUser(userId)));
    }
  }

  /** A member of a room. */
  @Schema(name = "Member")
  public record MemberView(
      @JsonbProperty("connection_id") String connectionId,
      @JsonbProperty("user_id") String userId) {}

  /** A room with its members on this node. */
  @Schema(name = "Room")
  public record RoomView(
      @JsonbProperty("room_id") String roomId,
      @JsonbProperty("member_count") int memberCount,
      List<MemberView> members) {

    static RoomView of(String roomId, Rooms rooms) {
      List<MemberView> members =
          rooms.members(roomId).stream()
              .map(c -> new MemberView(c.id(), c.userId()))
              .sorted(Comparator.comparing(MemberView::connectionId))
              .toList();
      return new RoomView(roomId, members.size(), members);
    }
  }

  /** The outcome of an action: how many connections it reached. */
  @Schema(name = "Outcome")
  public record Outcome(int connections) {}

  static List<String> ids(Collection<Connection> connections) {
    return connections.stream().map(Connection::id).sorted().toList();
  }
}
