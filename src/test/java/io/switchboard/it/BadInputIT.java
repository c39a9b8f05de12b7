package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.Json;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets a clear answer, the connection stays usable, and nobody else notices. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

  private static final int MAX_MESSAGE_SIZE = 1_048_576;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "this is not json                                          | invalid_json",
        "{\"type\": \"message.text\", \"payload\":                  | invalid_json",
        "[\"type\", \"message.text\"]                               | invalid_envelope",
        "42                                                        | invalid_envelope",
        "{\"payload\": {\"text\": \"no type\"}}                     | invalid_envelope",
        "{\"type\": [\"message.text\"]}                             | invalid_envelope",
        "{\"type\": \"message.text\", \"payload\": \"text\"}        | invalid_envelope",
        "{\"type\": \"message.text\", \"message_id\": 12}           | invalid_envelope",
        "{\"type\": \"chat.nonsense\"}                              | unknown_type",
        "{\"type\": \"connection.established\"}                     | unknown_type",
        "{\"type\": \"message.text\"}                               | invalid_payload",
        "{\"type\": \"message.text\", \"payload\": {\"text\": 5}}   | invalid_payload",
        "{\"type\": \"room.join\", \"payload\": {}}                 | invalid_payload",
        "{\"type\": \"room.join\", \"payload\": {\"room_id\": \"\"}}  | invalid_room_id",
        "{\"type\": \"room.join\", \"payload\": {\"room_id\": \"a b\"}} | invalid_room_id",
        "{\"type\": \"room.broadcast\", \"payload\": {\"room_id\": \"r\"}} | invalid_payload",
        "{\"type\": \"room.broadcast\", \"payload\": {\"room_id\": \"r\", \"message\": 1, \"exclude_sender\": 1}} | invalid_payload",
        "{\"type\": \"heartbeat.pong\", \"payload\": {\"ping_message_id\": 3}} | invalid_payload"
      })
  void aBadFrameIsAnsweredWithItsErrorCodeAndTheConnectionKeepsWorking(String frame, String code) {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      client.sendRaw(frame);

      assertThat(client.await("error").getJsonObject("payload").getString("code")).isEqualTo(code);
      client.sync();
      assertThat(client.isOpen()).isTrue();
    }
  }

  @Test
  void anErrorQuotesTheMessageIdOfTheFrameItAnswers() {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      client.sendRaw("{\"type\":\"nope\",\"message_id\":\"abc-123\"}");

      assertThat(client.awaitErrorCode("abc-123")).isEqualTo("unknown_type");
    }
  }

  @Test
  void anAbsurdlyLongRoomIdIsRefused() {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      client.sendRaw(
          "{\"type\":\"room.join\",\"payload\":{\"room_id\":\"" + "r".repeat(100_000) + "\"}}");

      assertThat(client.await("error").getJsonObject("payload").getString("code"))
          .isEqualTo("invalid_room_id");
      client.sync();
    }
  }

  @Test
  void aBinaryFrameIsRefusedAndTheConnectionKeepsWorking() {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      client.sendBinary(
          ByteBuffer.wrap("{\"type\":\"message.text\"}".getBytes(StandardCharsets.UTF_8)));

      assertThat(client.await("error").getJsonObject("payload").getString("code"))
          .isEqualTo("unsupported_frame");
      client.sync();
    }
  }

  @Test
  void aMessageAtTheSizeLimitIsAccepted() {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      String envelope = "{\"type\":\"message.text\",\"payload\":{\"text\":\"\"}}";
      String text = "x".repeat(MAX_MESSAGE_SIZE - envelope.length());

      client.send(
          "message.text", Json.createObjectBuilder().add("text", text.substring(200)).build());

      assertThat(client.await("message.text").getJsonObject("payload").getString("text"))
          .hasSize(text.length() - 200);
    }
  }

  @Test
  void aMessageOverTheSizeLimitClosesWith1009AndOthersAreUnaffected() {
    try (HubClient bystander = HubClient.connect(Hub.ws(base));
        HubClient offender = HubClient.connect(Hub.ws(base))) {
      bystander.join("bad-input-size");
      bystander.await("room.joined");
      offender.join("bad-input-size");
      offender.await("room.joined");

      offender.sendRaw(
          "{\"type\":\"message.text\",\"payload\":{\"text\":\""
              + "x".repeat(MAX_MESSAGE_SIZE)
              + "\"}}");

      assertThat(offender.awaitClose().getCloseCode().getCode()).isEqualTo(1009);
      assertThat(
              bystander
                  .await("room.member.left")
                  .getJsonObject("payload")
                  .getJsonObject("member")
                  .getString("connection_id"))
          .isEqualTo(offender.connectionId());
      bystander.broadcast(
          "bad-input-size", Json.createObjectBuilder().add("text", "still here").build(), false);
      assertThat(
              bystander
                  .await("room.broadcast")
                  .getJsonObject("payload")
                  .getJsonObject("message")
                  .getString("text"))
          .isEqualTo("still here");
    }
  }
}
