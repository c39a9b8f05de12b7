package io.switchboard.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user, for services: send to all of its connections, move them in and out of rooms, close. */
@Path("v1/users/{user_id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "server API: users")
@SecurityRequirement(name = ServiceApi.API_KEY)
@SecurityRequirement(name = ServiceApi.BEARER)
@RequestScoped
public class UserResource {

  @Inject Operations operations;
  @Context SecurityContext security;

  @POST
  @Path("messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send to a user",
      description =
          "Body {\"message\": any JSON, \"persist\": false}. Delivered as message.push to every"
              + " open connection of the user. With persist true it is kept in the user's inbox"
              + " and delivered as inbox.item now and on every later connect until a connection"
              + " acknowledges it with inbox.ack.")
  @APIResponse(responseCode = "200", description = "{user_id, persisted, inbox_id?}")
  @APIResponse(responseCode = "413", description = "message_too_large")
  public JsonObject publish(@PathParam("user_id") String userId, String body) {
    return operations.publishToUser(ServiceApi.caller(security), userId, Operations.body(body));
  }

  @PUT
  @Path("rooms/{room_id}")
  @Operation(
      summary = "Join a user's connections to a room",
      description =
          "Every open connection of the user joins the room (room rules do not apply) and gets"
              + " room.joined; the room hears of the user's arrival as usual.")
  @APIResponse(responseCode = "200", description = "{user_id, room_id}")
  public JsonObject join(@PathParam("user_id") String userId, @PathParam("room_id") String roomId) {
    return operations.join(userId, roomId);
  }

  @DELETE
  @Path("rooms/{room_id}")
  @Operation(
      summary = "Remove a user's connections from a room",
      description = "Each connection gets room.left with the reason (query parameter, optional).")
  @APIResponse(responseCode = "200", description = "{user_id, room_id}")
  public JsonObject remove(
      @PathParam("user_id") String userId,
      @PathParam("room_id") String roomId,
      @QueryParam("reason") String reason) {
    return operations.remove(userId, roomId, reason);
  }

  @POST
  @Path("disconnect")
  @Operation(
      summary = "Disconnect a user",
      description =
          "Closes every connection of the user with 4006 and the reason (body {\"reason\"},"
              + " optional, at most 123 bytes).")
  @APIResponse(responseCode = "200", description = "{user_id}")
  public JsonObject disconnect(@PathParam("user_id") String userId, String body) {
    return operations.disconnect(userId, Operations.body(body));
  }
}
