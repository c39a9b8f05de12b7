package io.switchboard.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

/** A room, for services: publish into its stream, read its presence and its history. */
@Path("v1/rooms/{room_id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "server API: rooms")
@SecurityRequirement(name = ServiceApi.API_KEY)
@SecurityRequirement(name = ServiceApi.BEARER)
@RequestScoped
public class RoomMessagesResource {

  @Inject Operations operations;
  @Context SecurityContext security;

  @POST
  @Path("messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Publish into a room's stream",
      description =
          "Body {\"message\": any JSON}. Delivered to the members as room.broadcast with the"
              + " caller as sender_id and sender_connection_id null, sequenced, kept in history and"
              + " recoverable like a member's broadcast. A retry with the same Idempotency-Key"
              + " within WS_PUBLISH_DEDUP_WINDOW is not delivered again and answers the first seq"
              + " with duplicate true.")
  @APIResponse(responseCode = "200", description = "{room_id, seq, epoch, duplicate}")
  @APIResponse(responseCode = "400", description = "invalid_json, invalid_payload, invalid_room_id")
  @APIResponse(responseCode = "413", description = "message_too_large")
  public JsonObject publish(
      @PathParam("room_id") String roomId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      String body) {
    return operations.publishToRoom(
        ServiceApi.caller(security), roomId, Operations.body(body), idempotencyKey);
  }

  @GET
  @Operation(
      summary = "A room's presence",
      description = "Connections and users in the room, the users listed up to WS_ROSTER_LIMIT.")
  @APIResponse(
      responseCode = "200",
      description = "{room_id, member_count, user_count, users, large_room, stream}")
  public JsonObject room(@PathParam("room_id") String roomId) {
    return operations.room(roomId);
  }

  @GET
  @Path("history")
  @Operation(
      summary = "A room's history",
      description =
          "The last limit messages (default and maximum WS_ROOM_HISTORY), or, with since_epoch"
              + " and since_seq, every message after that position with recovered true, else the"
              + " last limit with recovered false and the gap's reason, exactly as a join.")
  @APIResponse(responseCode = "200", description = "{room_id, stream, messages, recovered?, gap?}")
  public JsonObject history(
      @PathParam("room_id") String roomId,
      @QueryParam("limit") String limit,
      @QueryParam("since_epoch") String sinceEpoch,
      @QueryParam("since_seq") String sinceSeq) {
    return operations.history(roomId, limit, sinceEpoch, sinceSeq);
  }
}
