package io.switchboard.it.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.HubClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;

/** Frames and reads shared by the room feature tests. */
final class Chat {

  private Chat() {}

  /**
   * The messages the server keeps per room: the rooms execution's {@code WS_ROOM_HISTORY}, given to
   * the tests from the same pom property as {@code switchboard.roomHistory}.
   */
  static int history() {
    return Integer.parseInt(System.getProperty("switchboard.roomHistory"));
  }

  static JsonObject text(String text) {
    return Json.createObjectBuilder().add("text", text).build();
  }

  static JsonObject room(String roomId) {
    return Json.createObjectBuilder().add("room_id", roomId).build();
  }

  /** Joins and returns the {@code room.joined} payload. */
  static JsonObject join(HubClient client, String roomId) {
    client.join(roomId);
    return client.await("room.joined").getJsonObject("payload");
  }

  static JsonObject joinWith(HubClient client, JsonObjectBuilder payload) {
    client.send("room.join", payload.build());
    return client.await("room.joined").getJsonObject("payload");
  }

  static JsonObjectBuilder since(String roomId, String epoch, long seq) {
    return Json.createObjectBuilder()
        .add("room_id", roomId)
        .add("since", Json.createObjectBuilder().add("epoch", epoch).add("seq", seq));
  }

  /** Publishes {@code text} and returns its acknowledgement's payload. */
  static JsonObject publish(HubClient client, String roomId, String text) {
    String id = client.broadcast(roomId, text(text), false);
    return client.await("room.broadcast.ack", f -> id.equals(refOf(f))).getJsonObject("payload");
  }

  /** Sends a broadcast with a message_id of the caller's choice (a retry reuses it). */
  static void publishAs(HubClient client, String messageId, String roomId, String text) {
    client.sendRaw(
        Json.createObjectBuilder()
            .add("type", "room.broadcast")
            .add("message_id", messageId)
            .add(
                "payload",
                Json.createObjectBuilder().add("room_id", roomId).add("message", text(text)))
            .build()
            .toString());
  }

  static String refOf(JsonObject frame) {
    JsonObject payload = frame.getJsonObject("payload");
    return payload.isNull("ref_message_id") ? null : payload.getString("ref_message_id");
  }

  /** The next {@code count} room broadcasts, in arrival order. */
  static List<JsonObject> broadcasts(HubClient client, int count) {
    List<JsonObject> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(client.await("room.broadcast"));
    }
    return out;
  }

  static long seq(JsonObject broadcast) {
    return broadcast.getJsonObject("payload").getJsonNumber("seq").longValue();
  }

  static String textOf(JsonObject broadcast) {
    return broadcast.getJsonObject("payload").getJsonObject("message").getString("text");
  }

  static void assertNoMore(HubClient client, String type) {
    client.sync();
    assertThat(client.unread(type)).as("unexpected %s frames", type).isEmpty();
  }
}
