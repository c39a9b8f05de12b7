package io.switchboard.presence;

import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Map;

/** The frames that tell a room who came, who went, who types and how many are there. */
public final class RoomNotices {

  private RoomNotices() {}

  public static JsonObject member(String connectionId, String userId) {
    return Json.PROVIDER
        .createObjectBuilder()
        .add("connection_id", connectionId)
        .add("user_id", userId)
        .build();
  }

  /** {@code room.member.joined} or {@code room.member.left}. */
  public static Frame member(
      MessageType type, String roomId, JsonObject member, int memberCount, int userCount) {
    return Frame.fromServer(
        type,
        Json.PROVIDER
            .createObjectBuilder()
            .add("room_id", roomId)
            .add("member", member)
            .add("member_count", memberCount)
            .add("user_count", userCount)
            .build());
  }

  /** {@code room.occupancy}: the counts of a large room, instead of per-member notices. */
  public static Frame occupancy(String roomId, int memberCount, int userCount) {
    return Frame.fromServer(
        MessageType.ROOM_OCCUPANCY,
        Json.PROVIDER
            .createObjectBuilder()
            .add("room_id", roomId)
            .add("member_count", memberCount)
            .add("user_count", userCount)
            .build());
  }

  /** {@code typing.started}, relayed for {@code userId}. */
  public static Frame typingStarted(String roomId, String userId) {
    return Frame.from(MessageType.TYPING_STARTED, userId, typing(roomId, userId, null));
  }

  /** {@code typing.stopped}: relayed for the user, or from the server when it expired. */
  public static Frame typingStopped(String roomId, String userId, boolean expired) {
    return expired
        ? Frame.fromServer(MessageType.TYPING_STOPPED, typing(roomId, userId, "expired"))
        : Frame.from(MessageType.TYPING_STOPPED, userId, typing(roomId, userId, "stopped"));
  }

  /** The users listed with their connection counts, for rosters. */
  public static JsonArrayBuilder users(Map<String, Integer> users) {
    JsonArrayBuilder out = Json.PROVIDER.createArrayBuilder();
    users.forEach(
        (user, connections) ->
            out.add(
                Json.PROVIDER
                    .createObjectBuilder()
                    .add("user_id", user)
                    .add("connections", connections)));
    return out;
  }

  private static JsonObject typing(String roomId, String userId, String reason) {
    var payload = Json.PROVIDER.createObjectBuilder().add("room_id", roomId).add("user_id", userId);
    if (reason != null) {
      payload.add("reason", reason);
    }
    return payload.build();
  }
}
