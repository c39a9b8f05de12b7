package io.switchboard.admin;

import io.switchboard.admin.Views.ConnectionView;
import io.switchboard.admin.Views.Outcome;
import io.switchboard.protocol.CloseCodes;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import io.switchboard.registry.Rooms;
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

/** The open connections of this node: list, inspect, disconnect. */
@Path("admin/connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "connections")
@RequestScoped
public class ConnectionsResource {

  private static final Logger LOG = Logger.getLogger(ConnectionsResource.class.getName());

  @Inject Connections connections;
  @Inject Rooms rooms;
  @Context SecurityContext security;

  @GET
  @Operation(summary = "Every open connection on this node")
  public List<ConnectionView> list() {
    return connections.all().stream()
        .sorted(Comparator.comparing(Connection::openedAt))
        .map(c -> ConnectionView.of(c, rooms))
        .toList();
  }

  @GET
  @Path("{connectionId}")
  @Operation(summary = "One connection")
  @APIResponse(responseCode = "200", description = "the connection")
  @APIResponse(responseCode = "404", description = "no such open connection")
  public ConnectionView get(@PathParam("connectionId") String connectionId) {
    return ConnectionView.of(find(connectionId), rooms);
  }

  @POST
  @Path("{connectionId}/disconnect")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Close a connection with 4006 and a reason",
      description = "Body: {\"reason\": \"...\"} (optional, at most 123 bytes).")
  @APIResponse(responseCode = "200", description = "closed")
  @APIResponse(responseCode = "400", description = "the reason is too long")
  @APIResponse(responseCode = "404", description = "no such open connection")
  public Outcome disconnect(@PathParam("connectionId") String connectionId, JsonObject body) {
    String reason = Requests.reason(body);
    Connection connection = find(connectionId);
    LOG.info(
        () ->
            "admin action: user="
                + security.getUserPrincipal().getName()
                + " disconnect connection="
                + connection.id()
                + " of user="
                + connection.userId()
                + " reason=\""
                + reason
                + "\"");
    connection.close(CloseCodes.DISCONNECTED_BY_OPERATOR, reason);
    return new Outcome(1);
  }

  private Connection find(String connectionId) {
    return connections
        .byId(connectionId)
        .orElseThrow(() -> Requests.notFound("no open connection " + connectionId));
  }
}
