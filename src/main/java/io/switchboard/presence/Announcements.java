package io.switchboard.presence;

import io.switchboard.cluster.Bus;
import io.switchboard.config.HubConfig;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.MessageType;
import io.switchboard.registry.Rooms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns presence changes into what the room hears: a user's arrival and departure once per user,
 * not per connection, and nothing per member in a large room (whose occupancy the sweep reports).
 */
@ApplicationScoped
public class Announcements {

  private final Presence presence;
  private final Rooms rooms;
  private final Bus bus;
  private final HubConfig config;

  @Inject
  public Announcements(Presence presence, Rooms rooms, Bus bus, HubConfig config) {
    this.presence = presence;
    this.rooms = rooms;
    this.bus = bus;
    this.config = config;
  }

  /** For the container's client proxy only. */
  protected Announcements() {
    this(null, null, null, null);
  }

  /** A connection joined: the others hear of it if it is the user's first. */
  public void arrived(String roomId, String connectionId, String userId) {
    if (presence.arrive(roomId, userId) && !isLarge(roomId)) {
      bus.toRoom(
          roomId,
          notice(MessageType.ROOM_MEMBER_JOINED, roomId, connectionId, userId),
          connectionId);
    }
  }

  /**
   * A connection left: the others hear of it if it was the user's last, at once when {@code
   * graceNanos} is 0, else when the sweep finds the grace period over.
   */
  public void departed(String roomId, String connectionId, String userId, long graceNanos) {
    if (presence.depart(roomId, userId, connectionId, graceNanos, System.nanoTime())
        && !isLarge(roomId)) {
      bus.toRoom(roomId, notice(MessageType.ROOM_MEMBER_LEFT, roomId, connectionId, userId), null);
    }
  }

  /** A held-back departure whose grace period is over. */
  void gone(Presence.Gone gone) {
    if (!isLarge(gone.roomId())) {
      bus.toRoom(
          gone.roomId(),
          notice(MessageType.ROOM_MEMBER_LEFT, gone.roomId(), gone.connectionId(), gone.userId()),
          null);
    }
  }

  /** Above {@code WS_LARGE_ROOM} users, per-member notices give way to {@code room.occupancy}. */
  public boolean isLarge(String roomId) {
    return presence.userCount(roomId) > config.settings().rooms().largeRoom();
  }

  private Frame notice(MessageType type, String roomId, String connectionId, String userId) {
    return RoomNotices.member(
        type,
        roomId,
        RoomNotices.member(connectionId, userId),
        rooms.members(roomId).size(),
        presence.userCount(roomId));
  }
}
