package io.switchboard.bridge;

import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** The frame a backend's answer to an app request becomes. */
final class AppFrames {

  private AppFrames() {}

  /**
   * {@code app.reply {ref_message_id, type, data}}: {@code data} is the backend's body as JSON, a
   * JSON string when the body is not JSON, and null when it is empty.
   */
  static Frame reply(String type, String refMessageId, byte[] body) {
    return Frame.fromServer(
        MessageType.APP_REPLY,
        Json.PROVIDER
            .createObjectBuilder()
            .add("ref_message_id", refMessageId)
            .add("type", type)
            .add("data", data(body))
            .build());
  }

  static JsonValue data(byte[] body) {
    if (body == null || body.length == 0) {
      return JsonValue.NULL;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    try (JsonReader reader = Json.PROVIDER.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (JsonException | IllegalStateException notJson) {
      return Json.PROVIDER.createValue(text);
    }
  }
}
