package io.switchboard.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.AdminApi;
import io.switchboard.support.AdminApi.Answer;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.Json;
import jakarta.websocket.CloseReason;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A drain started through the admin API behaves like the shutdown drain and takes the node out of
 * rotation: readiness and {@code /status} go down. Its own class: the drained deployment refuses
 * connections until it is redeployed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminDrainIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void anAdminDrainNotifiesClosesAndTakesTheNodeOutOfRotation() throws Exception {
    assertThat(Hub.health(base, "ready").statusCode()).isEqualTo(200);
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      Answer answer =
          AdminApi.as(base, AdminApi.adminToken())
              .post("drain", Json.createObjectBuilder().build());

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().asJsonObject().getInt("connections")).isEqualTo(1);
      assertThat(client.await("server.draining").getJsonObject("payload").getString("reason"))
          .isEqualTo("server shutting down");
      CloseReason close = client.awaitClose();
      assertThat(close.getCloseCode().getCode()).isEqualTo(1001);
    }
    HttpResponse<String> ready = Hub.health(base, "ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("switchboard-connections").contains("DOWN");
    HttpResponse<String> status =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(Hub.http(base, "status")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(status.statusCode()).isEqualTo(503);
    assertThat(HubClient.connectRefused(Hub.ws(base)).getCloseCode().getCode()).isEqualTo(1001);
  }
}
