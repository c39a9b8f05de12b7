package io.switchboard.bench;

import java.util.Arrays;

/**
 * The envelope types the generator reacts to, matched on the bytes of the {@code type} field so
 * that a delivery needs no String; every other type is {@link #OTHER}.
 */
enum InboundType {
  ROOM_BROADCAST("room.broadcast"),
  MESSAGE_DIRECT("message.direct"),
  HEARTBEAT_PING("heartbeat.ping"),
  CONNECTION_ESTABLISHED("connection.established"),
  ROOM_JOINED("room.joined"),
  ERROR("error"),
  OTHER("");

  private static final byte[] TYPE = Fields.key("\"type\":\"");
  private static final InboundType[] KNOWN = values();

  private final byte[] wire;

  InboundType(String wire) {
    this.wire = Fields.key(wire);
  }

  /** The type of the envelope in {@code data[from, to)}: its first {@code "type"} field. */
  static InboundType of(byte[] data, int from, int to) {
    int start = Fields.after(data, from, to, TYPE);
    int end = start < 0 ? -1 : Fields.end(data, start, to);
    if (end < 0) {
      return OTHER;
    }
    for (InboundType type : KNOWN) {
      if (Arrays.equals(data, start, end, type.wire, 0, type.wire.length)) {
        return type;
      }
    }
    return OTHER;
  }
}
