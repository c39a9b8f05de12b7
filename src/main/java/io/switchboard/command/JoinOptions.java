package io.switchboard.command;

import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.stream.Position;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The optional parts of a {@code room.join}: {@code history} (how many past messages to replay) and
 * {@code since} ({@code {epoch, seq}}: the last message the client saw, to recover what it missed).
 */
record JoinOptions(int history, Position since) {

  static JoinOptions of(JsonObject payload, int maxHistory) {
    return new JoinOptions(history(payload, maxHistory), since(payload));
  }

  private static int history(JsonObject payload, int maxHistory) {
    JsonValue value = payload.getOrDefault("history", JsonValue.NULL);
    if (value == JsonValue.NULL) {
      return 0;
    }
    if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
      throw invalid("payload.history must be a whole number, 0 or more");
    }
    return (int) Math.min(n.longValue(), maxHistory);
  }

  private static Position since(JsonObject payload) {
    JsonValue value = payload.getOrDefault("since", JsonValue.NULL);
    if (value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonObject since)
        || !(since.get("epoch") instanceof JsonString epoch)
        || !(since.get("seq") instanceof JsonNumber seq)
        || !seq.isIntegral()
        || seq.longValue() < 0) {
      throw invalid("payload.since must be {epoch: string, seq: whole number, 0 or more}");
    }
    return new Position(epoch.getString(), seq.longValue());
  }

  private static ProtocolException invalid(String message) {
    return new ProtocolException(ErrorCode.INVALID_PAYLOAD, message);
  }
}
