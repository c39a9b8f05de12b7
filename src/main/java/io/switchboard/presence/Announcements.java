package io.switchboard.presence;

import io.switchboard.cluster.Bus;
import io.switchboard.config.HubConfig;
import io.switchboard.protocol.MessageType;
import io.switchboard.registry.Rooms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns presence changes into what the room hears: a user's arrival and departure once per user,
 * not per connection, and nothing per member in a large room (whose occupancy the sweep reports).
 */
@ApplicationScoped
public class Announcements {

  private static final Logger LOG = Logger.getLogger(Announcements.class.getName());

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
    presence
        .arrive(roomId, userId, connectionId)
        .thenAccept(
            first -> {
              if (first) {
                tell(roomId, MessageType.ROOM_MEMBER_JOINED, connectionId, userId, connectionId);
              }
            })
        .exceptionally(failure -> logged("arrival", roomId, failure));
  }

  /**
   * A connection left: the others hear of it if it was the user's last, at once when {@code grace}
   * is zero, else when the sweep finds the grace period over.
   */
  public void departed(String roomId, String connectionId, String userId, Duration grace) {
    presence
        .depart(roomId, userId, connectionId, grace)
        .thenAccept(
            last -> {
              if (last) {
                tell(roomId, MessageType.ROOM_MEMBER_LEFT, connectionId, userId, null);
              }
            })
        .exceptionally(failure -> logged("departure", roomId, failure));
  }

  /** A held-back departure whose grace period is over. */
  void gone(Presence.Gone gone) {
    tell(gone.roomId(), MessageType.ROOM_MEMBER_LEFT, gone.connectionId(), gone.userId(), null);
  }

  /** Above {@code WS_LARGE_ROOM} users, per-member notices give way to {@code room.occupancy}. */
  public boolean isLarge(Presence.Snapshot users) {
    return users.userCount() > config.settings().rooms().largeRoom();
  }

  private void tell(
      String roomId, MessageType type, String connectionId, String userId, String except) {
    presence
        .snapshot(roomId, 0)
        .thenAccept(
            users -> {
              if (!isLarge(users)) {
                bus.toRoom(
                    roomId,
                    RoomNotices.member(
                        type,
                        roomId,
                        RoomNotices.member(connectionId, userId),
                        rooms.members(roomId).size(),
                        users.userCount()),
                    except);
              }
            })
        .exceptionally(failure -> logged("notice", roomId, failure));
  }

  private static Void logged(String what, String roomId, Throwable failure) {
    LOG.log(Level.WARNING, "presence " + what + " in room " + roomId + " failed: " + failure);
    return null;
  }
}
