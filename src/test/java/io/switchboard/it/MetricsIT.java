package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hub's metrics reach the server's own metrics facility under the same names on every server:
 * MicroProfile Metrics on Payara and Liberty, Micrometer's Prometheus registry on WildFly.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void theServersMetricsEndpointShowsConnectionsMessagesAndErrorsByName() throws Exception {
    try (HubClient client = HubClient.connect(Hub.ws(base))) {
      client.send("message.text", Json.createObjectBuilder().add("text", "counted").build());
      client.await("message.text");
      client.sendRaw("not json");
      client.await("error");

      String metrics = scrape();

      assertThat(value(metrics, "switchboard_connections", null)).isGreaterThanOrEqualTo(1);
      assertThat(value(metrics, "switchboard_messages_in_total", "type=\"message.text\""))
          .isGreaterThanOrEqualTo(1);
      assertThat(value(metrics, "switchboard_messages_in_total", "type=\"invalid\""))
          .isGreaterThanOrEqualTo(1);
      assertThat(value(metrics, "switchboard_errors_total", "code=\"invalid_json\""))
          .isGreaterThanOrEqualTo(1);
      assertThat(metrics).contains("switchboard_rooms", "switchboard_users");
    }
  }

  private String scrape() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Hub.metrics(base)))
                    .header("Accept", "text/plain")
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", Hub.metrics(base)).isEqualTo(200);
    return response.body();
  }

  /** The value of the first sample of {@code name} whose labels contain {@code label}. */
  private static double value(String metrics, String name, String label) {
    Pattern sample =
        Pattern.compile(
            "^" + Pattern.quote(name) + "(\\{([^}]*)\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE);
    Matcher m = sample.matcher(metrics);
    while (m.find()) {
      if (label == null || (m.group(2) != null && m.group(2).contains(label))) {
        return Double.parseDouble(m.group(3));
      }
    }
    throw new AssertionError("no sample " + name + " with " + label + " in:\n" + metrics);
  }
}
