package io.switchboard.registry;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Room membership on this node. A room exists while it has members: the last one out removes it, so
 * the map never holds empty rooms. Every change to a room's members runs inside {@code compute} on
 * the room's entry, which makes "add to a room that is being removed" impossible.
 */
@ApplicationScoped
public class Rooms {

  /** Outcome of a join request. */
  public enum Join {
    JOINED,
    ALREADY_MEMBER,
    ROOM_LIMIT,
    CLOSED;

    /** Whether the connection is in the room afterwards. */
    public boolean member() {
      return this == JOINED || this == ALREADY_MEMBER;
    }
  }

  private final ConcurrentHashMap<String, Set<Connection>> rooms = new ConcurrentHashMap<>();

  public Join join(String roomId, Connection connection, int maxRoomsPerConnection) {
    if (connection.rooms().contains(roomId)) {
      return Join.ALREADY_MEMBER;
    }
    if (connection.roomCount() >= maxRoomsPerConnection) {
      return Join.ROOM_LIMIT;
    }
    Set<Connection> members =
        rooms.compute(
            roomId,
            (id, current) -> {
              if (!connection.isOpen()) {
                return current;
              }
              Set<Connection> set = current == null ? ConcurrentHashMap.newKeySet() : current;
              set.add(connection);
              connection.rooms().add(id);
              return set;
            });
    if (members == null || !members.contains(connection)) {
      return Join.CLOSED;
    }
    if (!connection.isOpen()) {
      leave(roomId, connection);
      return Join.CLOSED;
    }
    return Join.JOINED;
  }

  /**
   * Removes the connection from the room; true when it was a member. The connection's own set of
   * rooms decides: when a close and a {@code room.leave} race, exactly one of them removes it.
   */
  public boolean leave(String roomId, Connection connection) {
    if (!connection.rooms().remove(roomId)) {
      return false;
    }
    rooms.computeIfPresent(
        roomId,
        (id, members) -> {
          members.remove(connection);
          return members.isEmpty() ? null : members;
        });
    return true;
  }

  /** Removes a closed connection from every room it was in and returns those rooms. */
  public List<String> leaveAll(Connection connection) {
    List<String> left = List.copyOf(connection.rooms());
    left.forEach(roomId -> leave(roomId, connection));
    return left;
  }

  /** The rooms the connection is in now. */
  public List<String> roomsOf(Connection connection) {
    return List.copyOf(connection.rooms());
  }

  public boolean isMember(String roomId, Connection connection) {
    return connection.rooms().contains(roomId);
  }

  /** Current members; a live view that is safe to iterate while members come and go. */
  public Collection<Connection> members(String roomId) {
    Set<Connection> members = rooms.get(roomId);
    return members == null ? List.of() : members;
  }

  public int count() {
    return rooms.size();
  }

  /** The ids of the rooms that have members now. */
  public List<String> ids() {
    return List.copyOf(rooms.keySet());
  }
}
