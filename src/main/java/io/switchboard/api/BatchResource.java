package io.switchboard.api;

import io.switchboard.config.HubConfig;
import io.switchboard.protocol.ErrorCode;
import io.switchboard.protocol.Json;
import io.switchboard.protocol.ProtocolException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Several server API calls in one request, run in order, each answered on its own: a failed item
 * does not stop the others. Each item counts against the caller's rate limit.
 */
@Path("v1/batch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "server API: batch")
@SecurityRequirement(name = ServiceApi.API_KEY)
@SecurityRequirement(name = ServiceApi.BEARER)
@RequestScoped
public class BatchResource {

  private static final Logger LOG = Logger.getLogger(BatchResource.class.getName());

  @Inject Operations operations;
  @Inject CallerLimits limits;
  @Inject HubConfig config;
  @Context SecurityContext security;

  @POST
  @Operation(
      summary = "Several calls in one request",
      description =
          "Body {\"items\": [{\"method\", \"path\", \"body\"?, \"idempotency_key\"?}]}, at most"
              + " WS_API_BATCH_SIZE items, each path one of this API's (/api/v1/...). Answers"
              + " {\"results\": [{\"status\", \"body\"}]} in the items' order, the body being what"
              + " the call answers alone: its result, or its problem.")
  @APIResponse(responseCode = "200", description = "{results: [{status, body}]}, in order")
  @APIResponse(responseCode = "400", description = "not a list of 1 to WS_API_BATCH_SIZE items")
  public JsonObject batch(String text) {
    JsonValue items = Operations.body(text).getOrDefault("items", JsonValue.NULL);
    int max = config.settings().api().batchSize();
    if (!(items instanceof JsonArray list) || list.isEmpty() || list.size() > max) {
      throw new ProtocolException(
          ErrorCode.INVALID_PAYLOAD, "items must be an array of 1 to " + max + " calls");
    }
    String caller = ServiceApi.caller(security);
    JsonArrayBuilder results = Json.PROVIDER.createArrayBuilder();
    for (int i = 0; i < list.size(); i++) {
      results.add(i == 0 ? run(caller, list.get(i)) : charged(caller, list.get(i)));
    }
    return Json.PROVIDER.createObjectBuilder().add("results", results).build();
  }

  /** The batch request itself paid for its first item. */
  private JsonObject charged(String caller, JsonValue item) {
    long wait = limits.take(caller, System.nanoTime());
    if (wait > 0) {
      return result(
          ErrorCode.RATE_LIMITED,
          "over WS_API_RATE_LIMIT; retry after "
              + Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999))
              + " s");
    }
    return run(caller, item);
  }

  private JsonObject run(String caller, JsonValue value) {
    try {
      return result(200, call(caller, BatchItem.of(value)));
    } catch (ProtocolException e) {
      return result(e.code(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "batch item failed", e);
      return result(ErrorCode.INTERNAL_ERROR, "internal error");
    }
  }

  private JsonObject call(String caller, BatchItem item) {
    if (item.is("POST", "rooms/*/messages")) {
      return operations.publishToRoom(caller, item.segment(1), item.body(), item.idempotencyKey());
    }
    if (item.is("GET", "rooms/*")) {
      return operations.room(item.segment(1));
    }
    if (item.is("GET", "rooms/*/history")) {
      return operations.history(
          item.segment(1),
          item.query().get("limit"),
          item.query().get("since_epoch"),
          item.query().get("since_seq"));
    }
    if (item.is("POST", "users/*/messages")) {
      return operations.publishToUser(caller, item.segment(1), item.body());
    }
    if (item.is("PUT", "users/*/rooms/*")) {
      return operations.join(item.segment(1), item.segment(3));
    }
    if (item.is("DELETE", "users/*/rooms/*")) {
      return operations.remove(item.segment(1), item.segment(3), item.query().get("reason"));
    }
    if (item.is("POST", "users/*/disconnect")) {
      return operations.disconnect(item.segment(1), item.body());
    }
    if (item.is("POST", "groups/*/messages")) {
      return operations.publishToGroup(caller, item.segment(1), item.body());
    }
    if (item.is("POST", "messages")) {
      return operations.publishToAll(caller, item.body());
    }
    throw new ProtocolException(
        ErrorCode.INVALID_PAYLOAD, "not a call of this API (batches do not nest)");
  }

  private static JsonObject result(ErrorCode code, String detail) {
    return result(Problem.status(code), Problem.body(code, detail));
  }

  private static JsonObject result(int status, JsonObject body) {
    return Json.PROVIDER.createObjectBuilder().add("status", status).add("body", body).build();
  }
}
