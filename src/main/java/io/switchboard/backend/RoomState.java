package io.switchboard.backend;

import java.util.Map;

/**
 * A room at one moment, as a backend reads it.
 *
 * @param memberCount connections in the room
 * @param userCount distinct users in the room (exact)
 * @param users the users listed, at most the roster limit, with their connection counts
 * @param largeRoom whether the room is above {@code WS_LARGE_ROOM} users
 * @param epoch the room stream's epoch
 * @param seq the last sequence number of the room's stream
 */
public record RoomState(
    String roomId,
    int memberCount,
    int userCount,
    Map<String, Integer> users,
    boolean largeRoom,
    String epoch,
    long seq) {}
