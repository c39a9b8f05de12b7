package io.switchboard.cluster;

/**
 * Something a backend asks the hub to do to every connection of one user, wherever the connections
 * are: join them to a room, take them out of one, or close them. Each node applies it to its own
 * connections when the {@link Bus} hands it over (as a CDI event on that node).
 *
 * @param roomId the room for {@link Kind#JOIN} and {@link Kind#LEAVE}; null for {@link
 *     Kind#DISCONNECT}
 * @param reason why, for the user to read: the {@code room.left} reason or the close reason
 */
public record UserAction(String userId, Kind kind, String roomId, String reason) {

  /** What is done to the user's connections. */
  public enum Kind {
    /** Each connection joins the room, as if it had sent {@code room.join} without history. */
    JOIN,
    /** Each connection leaves the room and gets {@code room.left} with the reason. */
    LEAVE,
    /** Each connection is closed with 4006 and the reason. */
    DISCONNECT
  }
}
