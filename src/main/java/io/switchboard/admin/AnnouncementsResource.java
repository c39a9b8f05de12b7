package io.switchboard.admin;

import io.switchboard.admin.Views.Outcome;
import io.switchboard.cluster.Bus;
import io.switchboard.config.HubConfig;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.MessageType;
import io.switchboard.protocol.Utf8;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import io.switchboard.registry.Rooms;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sends a {@code server.announcement} to everyone on this node, to a room or to a user. The text is
 * encoded once, like every broadcast, and never logged (only its size).
 */
@Path("admin/announcements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "announcements")
@RequestScoped
public class AnnouncementsResource {

  private static final Logger LOG = Logger.getLogger(AnnouncementsResource.class.getName());

  @Inject Bus bus;
  @Inject Connections connections;
  @Inject Rooms rooms;
  @Inject HubConfig config;
  @Context SecurityContext security;

  @POST
  @Operation(
      summary = "Announce to everyone, a room or a user",
      description =
          "Body: {\"text\": \"...\"} for everyone on this node, plus \"room_id\" for a room's"
              + " members or \"user_id\" for a user's connections (not both).")
  @APIResponse(responseCode = "200", description = "how many connections it was queued on")
  @APIResponse(responseCode = "400", description = "no text, a text that is too large, or both")
  @APIResponse(responseCode = "404", description = "the room or the user has nobody on this node")
  public Outcome announce(JsonObject body) {
    String text = Requests.optionalString(body, "text").orElse("");
    int limit = config.settings().maxMessageSize() / 2;
    if (text.isBlank() || Utf8.length(text) > limit) {
      throw Requests.badRequest("text must be 1 to " + limit + " bytes of UTF-8");
    }
    Optional<String> roomId = Requests.optionalString(body, "room_id");
    Optional<String> userId = Requests.optionalString(body, "user_id");
    if (roomId.isPresent() && userId.isPresent()) {
      throw Requests.badRequest("give room_id or user_id, not both");
    }
    JsonObjectBuilder payload = Json.PROVIDER.createObjectBuilder().add("text", text);
    int reached;
    String scope;
    if (roomId.isPresent()) {
      scope = "room " + roomId.get();
      reached = rooms.members(roomId.get()).size();
      require(reached, scope);
      bus.toRoom(
          roomId.get(), frame(payload.add("scope", "room").add("room_id", roomId.get())), null);
    } else if (userId.isPresent()) {
      scope = "user " + userId.get();
      reached = connections.ofUser(userId.get()).size();
      require(reached, scope);
      bus.toUser(userId.get(), frame(payload.add("scope", "user")));
    } else {
      scope = "all";
      Frame frame = frame(payload.add("scope", "all"));
      reached = 0;
      for (Connection connection : connections.all()) {
        connection.send(frame);
        reached++;
      }
    }
    int recipients = reached;
    LOG.info(
        () ->
            "admin action: user="
                + security.getUserPrincipal().getName()
                + " announce to "
                + scope
                + " connections="
                + recipients
                + " bytes="
                + Utf8.length(text));
    return new Outcome(recipients);
  }

  private static void require(int reached, String scope) {
    if (reached == 0) {
      throw Requests.notFound("nobody on this node in " + scope);
    }
  }

  private static Frame frame(JsonObjectBuilder payload) {
    return Frame.fromServer(MessageType.SERVER_ANNOUNCEMENT, payload.build());
  }
}
