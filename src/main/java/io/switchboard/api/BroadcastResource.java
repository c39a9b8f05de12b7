package io.switchboard.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Messages to many connections at once: a group's, or everyone's. */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "server API: broadcasts")
@SecurityRequirement(name = ServiceApi.API_KEY)
@SecurityRequirement(name = ServiceApi.BEARER)
@RequestScoped
public class BroadcastResource {

  @Inject Operations operations;
  @Context SecurityContext security;

  @POST
  @Path("groups/{group}/messages")
  @Operation(
      summary = "Send to a group",
      description =
          "Body {\"message\": any JSON}. Delivered as message.push to every connection whose token"
              + " carries the group.")
  @APIResponse(responseCode = "200", description = "{group}")
  public JsonObject toGroup(@PathParam("group") String group, String body) {
    return operations.publishToGroup(ServiceApi.caller(security), group, Operations.body(body));
  }

  @POST
  @Path("messages")
  @Operation(
      summary = "Send to everyone",
      description = "Body {\"message\": any JSON}. Delivered as message.push to every connection.")
  @APIResponse(responseCode = "200", description = "{scope: all}")
  public JsonObject toAll(String body) {
    return operations.publishToAll(ServiceApi.caller(security), Operations.body(body));
  }
}
