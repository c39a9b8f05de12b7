package io.switchboard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundDecoderTest {

  private final InboundDecoder decoder = new InboundDecoder();

  @Test
  void aWellFormedFrameDecodesToARequestWithItsPayload() {
    Inbound inbound =
        decoder.decode(
            "{\"type\":\"room.join\",\"message_id\":\"m1\",\"sender_id\":\"x\",\"payload\":{\"room_id\":\"a\"}}");

    assertThat(inbound)
        .isInstanceOfSatisfying(
            Inbound.Request.class,
            r -> {
              assertThat(r.type()).isEqualTo(MessageType.ROOM_JOIN);
              assertThat(r.messageId()).isEqualTo("m1");
              assertThat(r.payload().getString("room_id")).isEqualTo("a");
            });
  }

  @Test
  void aMissingPayloadAndMessageIdAreAccepted() {
    Inbound inbound = decoder.decode("{\"type\":\"message.text\"}");

    assertThat(inbound)
        .isInstanceOfSatisfying(
            Inbound.Request.class,
            r -> {
              assertThat(r.messageId()).isNull();
              assertThat(r.payload()).isEmpty();
            });
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all                  | INVALID_JSON     |",
        "{\"type\":                       | INVALID_JSON     |",
        "''                               | INVALID_JSON     |",
        "[1,2]                            | INVALID_ENVELOPE |",
        "\"a string\"                     | INVALID_ENVELOPE |",
        "{\"payload\":{}}                 | INVALID_ENVELOPE |",
        "{\"type\":42}                    | INVALID_ENVELOPE |",
        "{\"type\":\"room.join\",\"payload\":[]}            | INVALID_ENVELOPE | ",
        "{\"type\":\"room.join\",\"message_id\":7}          | INVALID_ENVELOPE | ",
        "{\"type\":5,\"message_id\":\"m7\"}                 | INVALID_ENVELOPE | m7"
      })
  void badFramesAreRejectedWithACodeAndTheirMessageIdWhenReadable(
      String frame, ErrorCode code, String ref) {
    Inbound inbound = decoder.decode(frame);

    assertThat(inbound)
        .isInstanceOfSatisfying(
            Inbound.Rejected.class,
            r -> {
              assertThat(r.code()).isEqualTo(code);
              assertThat(r.messageId()).isEqualTo(ref);
              assertThat(r.reason()).isNotBlank();
            });
  }

  @ParameterizedTest
  @CsvSource({"app.orders.create", "no.such", "connection.established", "error"})
  void aTypeThatIsNoneOfTheHubsClientTypesIsLeftToTheDispatcher(String type) {
    Inbound inbound =
        decoder.decode(
            "{\"type\":\"" + type + "\",\"message_id\":\"m9\",\"payload\":{\"data\":1}}");

    assertThat(inbound)
        .isInstanceOfSatisfying(
            Inbound.Custom.class,
            c -> {
              assertThat(c.type()).isEqualTo(type);
              assertThat(c.messageId()).isEqualTo("m9");
              assertThat(c.payload().getInt("data")).isEqualTo(1);
            });
  }

  @Test
  void anOverlongMessageIdIsRejectedNotEchoed() {
    String id = "x".repeat(InboundDecoder.MAX_MESSAGE_ID_LENGTH + 1);

    Inbound inbound = decoder.decode("{\"type\":\"message.text\",\"message_id\":\"" + id + "\"}");

    assertThat(inbound)
        .isInstanceOfSatisfying(
            Inbound.Rejected.class,
            r -> {
              assertThat(r.code()).isEqualTo(ErrorCode.INVALID_ENVELOPE);
              assertThat(r.messageId()).isNull();
            });
  }

  @Test
  void theSizeIsCountedInUtf8Bytes() {
    assertThat(Utf8.length("a\u00e9\u20ac\ud83d\ude00")).isEqualTo(1 + 2 + 3 + 4);
    assertThat(decoder.decode("{\"type\":\"message.text\"}").bytes()).isEqualTo(23);
  }

  @Test
  void everyFrameIsOffered() {
    assertThat(decoder.willDecode("garbage")).isTrue();
  }
}
