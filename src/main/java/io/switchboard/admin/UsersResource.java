package io.switchboard.admin;

import io.switchboard.admin.Views.Outcome;
import io.switchboard.admin.Views.UserView;
import io.switchboard.protocol.CloseCodes;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The users online on this node: list, inspect, disconnect all of a user's connections. */
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
@RequestScoped
public class UsersResource {

  private static final Logger LOG = Logger.getLogger(UsersResource.class.getName());

  @Inject Connections connections;
  @Context SecurityContext security;

  @GET
  @Operation(summary = "Every user with at least one open connection on this node")
  public List<UserView> list() {
    return connections.userIds().stream()
        .sorted()
        .map(user -> UserView.of(user, connections))
        .filter(view -> !view.connectionIds().isEmpty())
        .sorted(Comparator.comparing(UserView::userId))
        .toList();
  }

  @GET
  @Path("{userId}")
  @Operation(summary = "One user's open connections")
  @APIResponse(responseCode = "200", description = "the user's connections")
  @APIResponse(responseCode = "404", description = "the user is not connected to this node")
  public UserView get(@PathParam("userId") String userId) {
    UserView view = UserView.of(userId, connections);
    if (view.connectionIds().isEmpty()) {
      throw Requests.notFound("user not connected: " + userId);
    }
    return view;
  }

  @POST
  @Path("{userId}/disconnect")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Close every connection of a user with 4006 and a reason",
      description = "Body: {\"reason\": \"...\"} (optional, at most 123 bytes).")
  @APIResponse(responseCode = "200", description = "how many connections were closed")
  @APIResponse(responseCode = "400", description = "the reason is too long")
  @APIResponse(responseCode = "404", description = "the user is not connected to this node")
  public Outcome disconnect(@PathParam("userId") String userId, JsonObject body) {
    String reason = Requests.reason(body);
    List<Connection> open = List.copyOf(connections.ofUser(userId));
    if (open.isEmpty()) {
      throw Requests.notFound("user not connected: " + userId);
    }
    LOG.info(
        () ->
            "admin action: user="
                + security.getUserPrincipal().getName()
                + " disconnect user="
                + userId
                + " connections="
                + Views.ids(open)
                + " reason=\""
                + reason
                + "\"");
    open.forEach(c -> c.close(CloseCodes.DISCONNECTED_BY_OPERATOR, reason));
    return new Outcome(open.size());
  }
}
