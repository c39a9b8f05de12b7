package io.switchboard.backend;

import io.switchboard.config.HubConfig;
import io.switchboard.presence.Announcements;
import io.switchboard.presence.Presence;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.ProtocolException;
import io.switchboard.registry.Rooms;
import io.switchboard.stream.Position;
import io.switchboard.stream.Replay;
import io.switchboard.stream.RoomStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads a room for a backend: who is in it, and its history with the same continuity answer a
 * joiner gets ({@code recovered}, or the gap's reason).
 */
@ApplicationScoped
public class RoomReader {

  private final Rooms rooms;
  private final Presence presence;
  private final Announcements announcements;
  private final RoomStreams streams;
  private final HubConfig config;

  @Inject
  public RoomReader(
      Rooms rooms,
      Presence presence,
      Announcements announcements,
      RoomStreams streams,
      HubConfig config) {
    this.rooms = rooms;
    this.presence = presence;
    this.announcements = announcements;
    this.streams = streams;
    this.config = config;
  }

  /** For the container's client proxy only. */
  protected RoomReader() {
    this(null, null, null, null, null);
  }

  /** The room's members and users now, with at most the roster limit listed. */
  public RoomState state(String roomId) {
    String room = Targets.roomId(roomId);
    Presence.Snapshot users = presence.snapshot(room, config.settings().rosterLimit());
    Replay position = streams.of(room).read(null, 0, System.nanoTime());
    return new RoomState(
        room,
        rooms.members(room).size(),
        users.userCount(),
        users.users(),
        announcements.isLarge(room),
        position.epoch(),
        position.seq());
  }

  /**
   * The room's kept messages: the last {@code limit} when {@code since} is null, else every message
   * after {@code since} when the stream still holds them all (continuity {@code RECOVERED}), else
   * the last {@code limit} with the reason of the gap.
   */
  public RoomHistory history(String roomId, Position since, int limit) {
    String room = Targets.roomId(roomId);
    int max = config.settings().rooms().history();
    if (limit < 0 || limit > max) {
      throw new ProtocolException(
          ErrorCode.INVALID_PAYLOAD, "limit must be 0 to " + max + " (WS_ROOM_HISTORY)");
    }
    Replay replay = streams.of(room).read(since, limit, System.nanoTime());
    return new RoomHistory(
        room,
        replay.epoch(),
        replay.seq(),
        replay.continuity(),
        replay.frames().stream().map(Frame::text).toList());
  }
}
