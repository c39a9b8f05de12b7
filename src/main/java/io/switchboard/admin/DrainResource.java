package io.switchboard.admin;

import io.switchboard.admin.Views.Outcome;
import io.switchboard.node.Drain;
import io.switchboard.registry.Connections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Starts the node's drain, as a shutdown would: readiness and {@code /status} turn down, every
 * client gets {@code server.draining} and a 1001 close, and new connections are refused until the
 * application is restarted. For taking a node out of rotation before maintenance.
 */
@Path("admin/drain")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "drain")
@RequestScoped
public class DrainResource {

  private static final Logger LOG = Logger.getLogger(DrainResource.class.getName());

  @Inject Drain drain;
  @Inject Connections connections;
  @Context SecurityContext security;

  @POST
  @Operation(summary = "Drain this node: notify and close every client, refuse new ones")
  @APIResponse(
      responseCode = "200",
      description = "the drain ran; how many connections it found (0 when it had already run)")
  public Outcome start() {
    int open = drain.isDraining() ? 0 : connections.count();
    LOG.info(
        () ->
            "admin action: user="
                + security.getUserPrincipal().getName()
                + " drain connections="
                + open);
    drain.drainAndWait();
    return new Outcome(open);
  }
}
