package io.switchboard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.FrameContract;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnvelopeEncoderTest {

  private static JsonObject parse(String text) {
    return Json.PROVIDER.createReader(new StringReader(text)).readObject();
  }

  @Test
  void fieldsAreSnakeCaseInEnvelopeOrder() {
    Frame frame =
        Frame.from(
            MessageType.MESSAGE_TEXT,
            "alice",
            Json.PROVIDER.createObjectBuilder().add("text", "hi").build());

    assertThat(frame.text()).startsWith("{\"type\":\"message.text\",\"message_id\":\"");
    assertThat(parse(frame.text()).keySet())
        .containsExactly("type", "message_id", "timestamp", "sender_id", "payload");
  }

  @Test
  void timestampsAreIsoUtcWithZ() {
    Frame frame =
        Frame.fromServer(
            MessageType.HEARTBEAT_PING,
            Json.PROVIDER
                .createObjectBuilder()
                .add("server_time", Instant.now().toString())
                .build());

    String timestamp = parse(frame.text()).getString("timestamp");
    assertThat(timestamp).endsWith("Z");
    assertThat(Instant.parse(timestamp)).isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void framesTheHubOriginatesCarryANullSender() {
    Frame frame = Frame.error(ErrorCode.INVALID_JSON, "bad", null);

    JsonObject json = parse(frame.text());
    assertThat(json.isNull("sender_id")).isTrue();
    assertThat(json.getJsonObject("payload").isNull("ref_message_id")).isTrue();
    assertThat(FrameContract.serverFrameViolations(frame.text())).isEmpty();
  }

  @Test
  void everyFrameGetsAFreshMessageId() {
    var payload = Json.PROVIDER.createObjectBuilder().add("text", "x").build();

    String a =
        parse(Frame.from(MessageType.MESSAGE_TEXT, "u", payload).text()).getString("message_id");
    String b =
        parse(Frame.from(MessageType.MESSAGE_TEXT, "u", payload).text()).getString("message_id");

    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void errorFramesQuoteTheClientsMessageIdAndConformToTheContract() {
    Frame frame = Frame.error(ErrorCode.NOT_A_MEMBER, "join first", "m-42");

    JsonObject payload = parse(frame.text()).getJsonObject("payload");
    assertThat(payload.getString("code")).isEqualTo("not_a_member");
    assertThat(payload.getString("ref_message_id")).isEqualTo("m-42");
    assertThat(FrameContract.serverFrameViolations(frame.text())).isEmpty();
  }
}
