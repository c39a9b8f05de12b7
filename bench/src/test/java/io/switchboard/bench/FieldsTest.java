package io.switchboard.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldsTest {

  private static final String BROADCAST =
      "{\"type\":\"room.broadcast\",\"message_id\":\"m-1\",\"sender_id\":\"guest\",\"payload\":"
          + "{\"room_id\":\"bench-0\",\"message\":{\"seq\":42,\"pub\":3,\"t\":-17,\"pad\":\"xx\"}}}";

  private final byte[] data = ("garbage" + BROADCAST + "garbage").getBytes(UTF_8);
  private final int from = "garbage".length();
  private final int to = from + BROADCAST.length();

  @Test
  void numbersAreReadAfterTheirKeysWithinTheMessage() {
    assertThat(Fields.number(data, from, to, Fields.key("\"seq\":"))).isEqualTo(42);
    assertThat(Fields.number(data, from, to, Fields.key("\"pub\":"))).isEqualTo(3);
    assertThat(Fields.number(data, from, to, Fields.key("\"t\":"))).isEqualTo(-17);
  }

  @Test
  void aMissingKeyOrANonNumberIsAbsent() {
    assertThat(Fields.number(data, from, to, Fields.key("\"nope\":"))).isEqualTo(Fields.ABSENT);
    assertThat(Fields.number(data, from, to, Fields.key("\"pad\":"))).isEqualTo(Fields.ABSENT);
  }

  @Test
  void aKeyOutsideTheRangeIsNotFound() {
    byte[] key = Fields.key("garbage");

    assertThat(Fields.after(data, from, to, key)).isEqualTo(-1);
    assertThat(Fields.after(data, 0, to, key)).isEqualTo(from);
  }

  @Test
  void stringsAreReadUpToTheirClosingQuoteAndMissingOnesAreEmpty() {
    assertThat(Fields.string(data, from, to, Fields.key("\"message_id\":\""))).isEqualTo("m-1");
    assertThat(Fields.string(data, from, to, Fields.key("\"connection_id\":\""))).isEmpty();
  }

  @Test
  void theTypeIsMatchedOnItsBytes() {
    assertThat(InboundType.of(data, from, to)).isEqualTo(InboundType.ROOM_BROADCAST);
    assertThat(type("{\"type\":\"heartbeat.ping\"}")).isEqualTo(InboundType.HEARTBEAT_PING);
    assertThat(type("{\"type\":\"room.joined\",\"payload\":{}}"))
        .isEqualTo(InboundType.ROOM_JOINED);
    assertThat(type("{\"type\":\"room.member.joined\"}")).isEqualTo(InboundType.OTHER);
    assertThat(type("{\"type\":\"room.join")).isEqualTo(InboundType.OTHER);
    assertThat(type("{}")).isEqualTo(InboundType.OTHER);
  }

  private static InboundType type(String json) {
    byte[] bytes = json.getBytes(UTF_8);
    return InboundType.of(bytes, 0, bytes.length);
  }
}
