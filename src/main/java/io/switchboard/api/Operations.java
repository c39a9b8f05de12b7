package io.switchboard.api;

import io.switchboard.backend.Memberships;
import io.switchboard.backend.Publisher;
import io.switchboard.backend.RoomHistory;
import io.switchboard.backend.RoomPublished;
import io.switchboard.backend.RoomReader;
import io.switchboard.backend.RoomState;
import io.switchboard.backend.UserPushed;
import io.switchboard.config.HubConfig;
import io.switchboard.presence.RoomNotices;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.stream.Continuity;
import io.switchboard.stream.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.regex.Pattern;

/**
 * Every server API call, from its JSON request to its JSON answer, over {@code
 * io.switchboard.backend}: the resources and the batch both call these, so a call answers the same
 * alone or in a batch. Failures are {@link ProtocolException}s, which become {@link Problem}s.
 */
@ApplicationScoped
public class Operations {

  /** Idempotency keys: 1 to 128 printable ASCII characters. */
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private final Publisher publisher;
  private final Memberships memberships;
  private final RoomReader reader;
  private final HubConfig config;

  @Inject
  public Operations(
      Publisher publisher, Memberships memberships, RoomReader reader, HubConfig config) {
    this.publisher = publisher;
    this.memberships = memberships;
    this.reader = reader;
    this.config = config;
  }

  /** For the container's client proxy only. */
  protected Operations() {
    this(null, null, null, null);
  }

  JsonObject publishToRoom(String caller, String roomId, JsonObject body, String idempotencyKey) {
    if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
      throw invalid("Idempotency-Key must be 1 to 128 printable ASCII characters");
    }
    RoomPublished published = publisher.toRoom(caller, roomId, body.get("message"), idempotencyKey);
    return Json.PROVIDER
        .createObjectBuilder()
        .add("room_id", published.roomId())
        .add("seq", published.seq())
        .add("epoch", published.epoch())
        .add("duplicate", published.duplicate())
        .build();
  }

  JsonObject publishToUser(String caller, String userId, JsonObject body) {
    UserPushed pushed =
        publisher.toUser(caller, userId, body.get("message"), flag(body, "persist"));
    var answer =
        Json.PROVIDER
            .createObjectBuilder()
            .add("user_id", pushed.userId())
            .add("persisted", pushed.inboxId() != null);
    if (pushed.inboxId() != null) {
      answer.add("inbox_id", pushed.inboxId());
    }
    return answer.build();
  }

  JsonObject publishToGroup(String caller, String group, JsonObject body) {
    publisher.toGroup(caller, group, body.get("message"));
    return Json.PROVIDER.createObjectBuilder().add("group", group).build();
  }

  JsonObject publishToAll(String caller, JsonObject body) {
    publisher.toAll(caller, body.get("message"));
    return Json.PROVIDER.createObjectBuilder().add("scope", "all").build();
  }

  JsonObject join(String userId, String roomId) {
    memberships.join(userId, roomId);
    return membership(userId, roomId);
  }

  JsonObject remove(String userId, String roomId, String reason) {
    memberships.remove(userId, roomId, reason);
    return membership(userId, roomId);
  }

  JsonObject disconnect(String userId, JsonObject body) {
    JsonValue reason = body.getOrDefault("reason", JsonValue.NULL);
    if (reason != JsonValue.NULL && reason.getValueType() != JsonValue.ValueType.STRING) {
      throw invalid("reason must be a string");
    }
    memberships.disconnect(userId, reason == JsonValue.NULL ? null : body.getString("reason"));
    return Json.PROVIDER.createObjectBuilder().add("user_id", userId).build();
  }

  JsonObject room(String roomId) {
    RoomState state = reader.state(roomId);
    return Json.PROVIDER
        .createObjectBuilder()
        .add("room_id", state.roomId())
        .add("member_count", state.memberCount())
        .add("user_count", state.userCount())
        .add("users", RoomNotices.users(state.users()))
        .add("large_room", state.largeRoom())
        .add("stream", stream(state.epoch(), state.seq()))
        .build();
  }

  /**
   * The history answer mirrors {@code room.joined}: {@code recovered}, and {@code gap} when not
   * recovered, appear only when a position was given.
   */
  JsonObject history(String roomId, String limit, String sinceEpoch, String sinceSeq) {
    if ((sinceEpoch == null) != (sinceSeq == null)) {
      throw invalid("give both since_epoch and since_seq, or neither");
    }
    Position since =
        sinceEpoch == null ? null : new Position(sinceEpoch, number("since_seq", sinceSeq));
    int count =
        limit == null
            ? config.settings().rooms().history()
            : (int) Math.min(Integer.MAX_VALUE, number("limit", limit));
    RoomHistory history = reader.history(roomId, since, count);
    JsonArrayBuilder messages = Json.PROVIDER.createArrayBuilder();
    for (String frame : history.frames()) {
      messages.add(Json.PROVIDER.createReader(new StringReader(frame)).readObject());
    }
    var answer =
        Json.PROVIDER
            .createObjectBuilder()
            .add("room_id", history.roomId())
            .add("stream", stream(history.epoch(), history.seq()))
            .add("messages", messages);
    if (since != null) {
      boolean recovered = history.continuity() == Continuity.RECOVERED;
      answer.add("recovered", recovered);
      if (!recovered) {
        answer.add("gap", history.continuity().wireName());
      }
    }
    return answer.build();
  }

  /** A request body: a JSON object, or nothing (an empty object). */
  static JsonObject body(String text) {
    if (text == null || text.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try {
      JsonValue value = Json.PROVIDER.createReader(new StringReader(text)).readValue();
      if (value instanceof JsonObject object) {
        return object;
      }
    } catch (JsonException e) {
      throw new ProtocolException(ErrorCode.INVALID_JSON, "the body is not valid JSON");
    }
    throw invalid("the body must be a JSON object");
  }

  private static JsonObject membership(String userId, String roomId) {
    return Json.PROVIDER
        .createObjectBuilder()
        .add("user_id", userId)
        .add("room_id", roomId)
        .build();
  }

  private static JsonObject stream(String epoch, long seq) {
    return Json.PROVIDER.createObjectBuilder().add("epoch", epoch).add("seq", seq).build();
  }

  private static boolean flag(JsonObject body, String field) {
    JsonValue value = body.getOrDefault(field, JsonValue.FALSE);
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      throw invalid(field + " must be a boolean");
    }
    return value == JsonValue.TRUE;
  }

  private static long number(String name, String text) {
    try {
      long value = Long.parseLong(text.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid(name + " must be a whole number, 0 or more");
  }

  private static ProtocolException invalid(String message) {
    return new ProtocolException(ErrorCode.INVALID_PAYLOAD, message);
  }
}
