package io.switchboard.admin;

import io.switchboard.admin.Views.RoomView;
import io.switchboard.registry.Rooms;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The rooms of this node and their members. */
@Path("admin/rooms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rooms")
@RequestScoped
public class RoomsResource {

  @Inject Rooms rooms;

  @GET
  @Operation(summary = "Every room with members on this node, with its members")
  public List<RoomView> list() {
    return rooms.ids().stream()
        .sorted()
        .map(id -> RoomView.of(id, rooms))
        .filter(room -> room.memberCount() > 0)
        .toList();
  }

  @GET
  @Path("{roomId}")
  @Operation(summary = "One room and its members")
  @APIResponse(responseCode = "200", description = "the room")
  @APIResponse(responseCode = "404", description = "no member in this room on this node")
  public RoomView get(@PathParam("roomId") String roomId) {
    RoomView room = RoomView.of(roomId, rooms);
    if (room.memberCount() == 0) {
      throw Requests.notFound("no such room: " + roomId);
    }
    return room;
  }
}
