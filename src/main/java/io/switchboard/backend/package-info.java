/**
 * What the application's backend can do to the hub, whatever the way in (the server API, a bridge):
 * publish to a room, a user, a group or everyone, move users in and out of rooms, disconnect them,
 * and read rooms' presence and history. Every operation goes through the {@code Bus} and the room
 * streams, so it reaches every node of a cluster.
 */
package io.switchboard.backend;
