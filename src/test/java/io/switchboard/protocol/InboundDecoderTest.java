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

  @Test
  void anAuthFrameReadsItsTokenFromThePayloadOrTheTopLevel() {
    for (String frame :
        new String[] {
          "{\"type\":\"auth\",\"payload\":{\"token\":\"t.o.k\"}}",
          "{\"type\":\"auth\",\"token\":\"t.o.k\"}"
        }) {
      assertThat(decoder.decode(frame))
          .as(frame)
          .isInstanceOfSatisfying(
              Inbound.Request.class,
              r -> {
                assertThat(r.type()).isEqualTo(MessageType.AUTH);
                assertThat(r.payload().getString("token")).isEqualTo("t.o.k");
              });
    }
  }

  @Test
  void aTopLevelTokenIsIgnoredOnOtherTypes() {
    assertThat(decoder.decode("{\"type\":\"message.text\",\"token\":\"t.o.k\"}"))
        .isInstanceOfSatisfying(Inbound.Request.class, r -> assertThat(r.payload()).isEmpty());
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
        "{\"type\":\"no.such\",\"message_id\":\"m9\"}       | UNKNOWN_TYPE     | m9",
        "{\"type\":\"connection.established\"}              | UNKNOWN_TYPE     | ",
        "{\"type\":\"error\",\"message_id\":\"m8\"}         | UNKNOWN_TYPE     | m8",
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
