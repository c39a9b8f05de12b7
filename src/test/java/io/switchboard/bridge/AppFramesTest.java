package io.switchboard.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AppFramesTest {

  @Test
  void aReplyQuotesTheRequestsMessageIdAndTypeAndCarriesTheBackendsJson() {
    var frame =
        AppFrames.reply(
            "app.orders.create", "m-17", "{\"order_id\":42}".getBytes(StandardCharsets.UTF_8));

    JsonObject envelope = Json.PROVIDER.createReader(new StringReader(frame.text())).readObject();
    assertThat(frame.type()).isEqualTo(MessageType.APP_REPLY);
    assertThat(envelope.getString("type")).isEqualTo("app.reply");
    JsonObject payload = envelope.getJsonObject("payload");
    assertThat(payload.getString("ref_message_id")).isEqualTo("m-17");
    assertThat(payload.getString("type")).isEqualTo("app.orders.create");
    assertThat(payload.getJsonObject("data").getInt("order_id")).isEqualTo(42);
  }

  @Test
  void aBodyThatIsNotJsonArrivesAsAStringAndAnEmptyOneAsNull() {
    assertThat(AppFrames.data("plain text".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Json.PROVIDER.createValue("plain text"));
    assertThat(AppFrames.data(new byte[0])).isEqualTo(JsonValue.NULL);
    assertThat(AppFrames.data(null)).isEqualTo(JsonValue.NULL);
  }
}
