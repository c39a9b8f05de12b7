package io.switchboard.it.api;

import static io.switchboard.support.ServerApi.message;
import static io.switchboard.support.ServerApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.AdminApi;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.ServerApi;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several calls in one request: each answered on its own, in order, failures included. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerApiBatchIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private static JsonObject item(String method, String path, JsonObject body) {
    var item = Json.createObjectBuilder().add("method", method).add("path", path);
    return (body == null ? item : item.add("body", body)).build();
  }

  @Test
  void aBatchAnswersEveryItemInOrderAndAFailedItemDoesNotStopTheOthers() throws Exception {
    String room = "batch-" + UUID.randomUUID().toString().substring(0, 8);
    try (HubClient member = HubClient.connect(Hub.ws(base))) {
      member.join(room);
      member.await("room.joined");
      JsonObject batch =
          Json.createObjectBuilder()
              .add(
                  "items",
                  Json.createArrayBuilder()
                      .add(item("POST", "/api/v1/rooms/" + room + "/messages", message(text("a"))))
                      .add(item("POST", "/api/v1/rooms/not a room/messages", message(text("x"))))
                      .add(item("POST", "/api/v1/rooms/" + room + "/messages", null))
                      .add(item("POST", "/api/v1/nowhere", message(text("x"))))
                      .add(item("POST", "/api/v1/rooms/" + room + "/messages", message(text("b"))))
                      .add(item("GET", "/api/v1/rooms/" + room + "/history?limit=5", null)))
              .build();

      AdminApi.Answer answer = ServerApi.withKey(base, ServerApi.ORDERS_KEY).post("batch", batch);

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      JsonArray results = answer.json().asJsonObject().getJsonArray("results");
      assertThat(results)
          .extracting(r -> r.asJsonObject().getInt("status"))
          .containsExactly(200, 400, 400, 400, 200, 200);
      assertThat(results.getJsonObject(1).getJsonObject("body").getString("code"))
          .isEqualTo("invalid_room_id");
      assertThat(results.getJsonObject(2).getJsonObject("body").getString("code"))
          .isEqualTo("invalid_payload");
      assertThat(results.getJsonObject(0).getJsonObject("body").getInt("seq")).isEqualTo(1);
      assertThat(results.getJsonObject(4).getJsonObject("body").getInt("seq")).isEqualTo(2);
      assertThat(results.getJsonObject(5).getJsonObject("body").getJsonArray("messages"))
          .hasSize(2);
      assertThat(
              member
                  .await("room.broadcast")
                  .getJsonObject("payload")
                  .getJsonObject("message")
                  .getString("text"))
          .isEqualTo("a");
      assertThat(
              member
                  .await("room.broadcast")
                  .getJsonObject("payload")
                  .getJsonObject("message")
                  .getString("text"))
          .isEqualTo("b");
    }
  }

  @Test
  void aBatchThatIsNotAListOfItemsIsRefusedWhole() throws Exception {
    ServerApi api = ServerApi.withKey(base, ServerApi.ORDERS_KEY);

    AdminApi.Answer empty =
        api.post(
            "batch", Json.createObjectBuilder().add("items", Json.createArrayBuilder()).build());
    AdminApi.Answer missing = api.post("batch", Json.createObjectBuilder().build());

    assertThat(empty.status()).isEqualTo(400);
    assertThat(ServerApi.code(empty)).isEqualTo("invalid_payload");
    assertThat(missing.status()).isEqualTo(400);
  }
}
