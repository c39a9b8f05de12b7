package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server publishes the MicroProfile OpenAPI description of the admin API and of the server API,
 * their security schemes included.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void theOpenApiDocumentDescribesEveryAdminOperationAndItsBearerScheme() throws Exception {
    HttpResponse<String> document = Hub.openApi(base);

    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body())
        .contains("Switchboard admin API")
        .contains("/api/admin/connections")
        .contains("/api/admin/connections/{connectionId}/disconnect")
        .contains("/api/admin/users/{userId}/disconnect")
        .contains("/api/admin/rooms/{roomId}")
        .contains("/api/admin/announcements")
        .contains("/api/admin/drain")
        .contains("bearerFormat: JWT");
  }

  @Test
  void theOpenApiDocumentDescribesTheServerApiAndItsApiKeyScheme() throws Exception {
    HttpResponse<String> document = Hub.openApi(base);

    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body())
        .contains("/api/v1/rooms/{room_id}/messages")
        .contains("/api/v1/rooms/{room_id}/history")
        .contains("/api/v1/users/{user_id}/messages")
        .contains("/api/v1/users/{user_id}/rooms/{room_id}")
        .contains("/api/v1/users/{user_id}/disconnect")
        .contains("/api/v1/groups/{group}/messages")
        .contains("/api/v1/messages")
        .contains("/api/v1/batch")
        .contains("X-API-Key");
  }
}
