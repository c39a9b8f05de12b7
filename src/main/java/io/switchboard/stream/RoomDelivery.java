package io.switchboard.stream;

import io.switchboard.protocol.Frame;

/** Where a node hands a room's sequenced messages for its own members. */
@FunctionalInterface
public interface RoomDelivery {

  /** Queues the frame on this node's members of the room, except one connection (may be null). */
  void toRoom(String roomId, Frame frame, String exceptConnectionId);
}
