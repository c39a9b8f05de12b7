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
 * The server publishes the admin API's MicroProfile OpenAPI description, bearer scheme included.
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
}
