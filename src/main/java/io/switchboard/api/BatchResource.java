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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Several server API calls in one request, run in order, each answered on its own: a failed item
 * does not stop the others. Each item counts against the caller's rate limit. An item starts only
 * once the one before it completed (a publish is sequenced before the next item runs), without a
 * request thread waiting for either: the answer is sent when the last item completed.
 */
@Path("v1/batch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "server API: batch")
@SecurityRequirement(name = ServiceApi.API_KEY)
@SecurityRequirement(name = ServiceApi.BEARER)
@RequestScoped
public class BatchResource {

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
  public CompletionStage<Response> batch(String text) {
    JsonValue items = Operations.body(text).getOrDefault("items", JsonValue.NULL);
    int max = config.settings().api().batchSize();
    if (!(items instanceof JsonArray list) || list.isEmpty() || list.size() > max) {
      throw new ProtocolException(
          ErrorCode.INVALID_PAYLOAD, "items must be an array of 1 to " + max + " calls");
    }
    String caller = ServiceApi.caller(security);
    JsonArrayBuilder results = Json.PROVIDER.createArrayBuilder();
    CompletionStage<JsonArrayBuilder> all = CompletableFuture.completedFuture(results);
    for (int i = 0; i < list.size(); i++) {
      JsonValue item = list.get(i);
      boolean first = i == 0;
      all =
          all.thenCompose(
              done -> (first ? run(caller, item) : charged(caller, item)).thenApply(done::add));
    }
    return all.thenApply(
        done ->
            Response.ok(Json.PROVIDER.createObjectBuilder().add("results", done).build()).build());
  }

  /** The batch request itself paid for its first item. */
  private CompletionStage<JsonObject> charged(String caller, JsonValue item) {
    long wait = limits.take(caller, System.nanoTime());
    if (wait > 0) {
      return CompletableFuture.completedFuture(
          result(
              ErrorCode.RATE_LIMITED,
              "over WS_API_RATE_LIMIT; retry after "
                  + Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999))
                  + " s"));
    }
    return run(caller, item);
  }

  /** The item's result, {@code {status, body}}: never a failed stage. */
  private CompletionStage<JsonObject> run(String caller, JsonValue value) {
    return Operations.attempt(() -> call(caller, BatchItem.of(value)))
        .handle(
            (answer, failure) -> {
              if (failure == null) {
                return result(200, answer);
              }
              JsonObject problem = Problem.bodyOf(failure);
              return result(problem.getInt("status"), problem);
            });
  }

  private CompletionStage<JsonObject> call(String caller, BatchItem item) {
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
