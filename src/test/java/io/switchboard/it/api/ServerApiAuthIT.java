package io.switchboard.it.api;

import static io.switchboard.support.ServerApi.code;
import static io.switchboard.support.ServerApi.message;
import static io.switchboard.support.ServerApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.AdminApi;
import io.switchboard.support.Hub;
import io.switchboard.support.ServerApi;
import io.switchboard.support.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may call the server API, and how refusals look: one problem+json shape with a code. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerApiAuthIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private static final JsonObject HELLO = message(text("hello"));

  private static void assertProblem(AdminApi.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(code(answer)).isEqualTo(code);
    assertThat(answer.json().asJsonObject().getInt("status")).isEqualTo(status);
  }

  @Test
  void aCallWithoutCredentialsIsUnauthenticated() throws Exception {
    AdminApi.Answer answer = ServerApi.anonymous(base).post("rooms/auth-1/messages", HELLO);

    assertProblem(answer, 401, "unauthenticated");
    assertThat(answer.header("WWW-Authenticate")).isNotNull();
  }

  @Test
  void anUnknownApiKeyIsUnauthenticated() throws Exception {
    AdminApi.Answer answer =
        ServerApi.withKey(base, "not-a-key-of-this-hub-at-all")
            .post("rooms/auth-2/messages", HELLO);

    assertProblem(answer, 401, "unauthenticated");
  }

  @Test
  void aKeyGivenInPlainTextAndOneGivenAsItsHashBothGetIn() throws Exception {
    assertThat(
            ServerApi.withKey(base, ServerApi.ORDERS_KEY)
                .post("rooms/auth-3/messages", HELLO)
                .status())
        .isEqualTo(200);
    assertThat(
            ServerApi.withKey(base, ServerApi.HASHED_KEY)
                .post("rooms/auth-3/messages", HELLO)
                .status())
        .isEqualTo(200);
  }

  @Test
  void aBadTokenIsRefusedAsInvalid() throws Exception {
    AdminApi.Answer answer =
        ServerApi.withToken(base, Tokens.forUser("svc").groups("publisher").unsigned("none"))
            .post("rooms/auth-4/messages", HELLO);

    assertProblem(answer, 401, "invalid_token");
  }

  @Test
  void aTokenOutsideThePublisherGroupIsForbiddenEvenAnAdministrators() throws Exception {
    assertProblem(
        ServerApi.withToken(base, Tokens.valid()).post("rooms/auth-5/messages", HELLO),
        403,
        "forbidden");
    assertProblem(
        ServerApi.withToken(base, AdminApi.adminToken()).post("rooms/auth-5/messages", HELLO),
        403,
        "forbidden");
  }

  @Test
  void aTokenInThePublisherGroupPublishesAsItsUser() throws Exception {
    String service = Tokens.uniqueUser();
    AdminApi.Answer answer =
        ServerApi.withToken(base, Tokens.forUser(service).groups("publisher").sign())
            .post("rooms/auth-6/messages", HELLO);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().asJsonObject().getInt("seq")).isPositive();
  }

  @Test
  void anApiKeyDoesNotOpenTheAdminApi() throws Exception {
    var answer =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(Hub.http(base, "api/admin/connections"))
                    .header("X-API-Key", ServerApi.ORDERS_KEY)
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(401);
  }

  @Test
  void aBodyOverTheSizeLimitIsTooLarge() throws Exception {
    String huge = "{\"message\": \"" + "x".repeat(1_048_576) + "\"}";

    assertProblem(
        ServerApi.withKey(base, ServerApi.ORDERS_KEY).post("rooms/auth-7/messages", huge),
        413,
        "message_too_large");
  }

  @Test
  void aMessageOverHalfTheFrameLimitIsTooLarge() throws Exception {
    String big = "{\"message\": \"" + "x".repeat(600_000) + "\"}";

    assertProblem(
        ServerApi.withKey(base, ServerApi.ORDERS_KEY).post("users/someone/messages", big),
        413,
        "message_too_large");
  }

  @Test
  void malformedRequestsAreProblemsToo() throws Exception {
    ServerApi api = ServerApi.withKey(base, ServerApi.ORDERS_KEY);

    assertProblem(api.post("rooms/auth-8/messages", "{not json"), 400, "invalid_json");
    assertProblem(api.post("rooms/auth-8/messages", "{}"), 400, "invalid_payload");
    assertProblem(api.post("rooms/bad%20room/messages", HELLO), 400, "invalid_room_id");
    assertProblem(api.get("no-such-thing"), 404, "target_not_found");
  }
}
