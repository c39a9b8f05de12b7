package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
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

/**
 * The quickstart's Python clients (Steps 3 and 4), frame for frame: the exact text Python's
 * json.dumps produces, answered in the order the scripts read with recv().
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QuickstartIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void step3TextMessageIsAnsweredAsTheQuickstartShows() {
    try (HubClient ws = HubClient.connect(Hub.ws(base))) {
      assertThat(ws.connectionId()).isNotBlank();

      ws.sendRaw(
          "{\"type\": \"message.text\", \"payload\": {\"text\": \"Hello from Python!\"}, "
              + "\"timestamp\": \"2025-11-01T12:00:00.123456Z\"}");

      JsonObject response = ws.await("message.text");
      assertThat(response.getJsonObject("payload").getString("text"))
          .isEqualTo("Hello from Python!");
    }
  }

  @Test
  void step4JoinThenBroadcastEchoesToTheSender() {
    try (HubClient ws = HubClient.connect(Hub.ws(base))) {
      ws.sendRaw(
          "{\"type\": \"room.join\", \"message_id\": \""
              + UUID.randomUUID()
              + "\", "
              + "\"timestamp\": \"2025-11-01T12:00:00.123456Z\", \"sender_id\": \"client\", "
              + "\"payload\": {\"room_id\": \"chat_general\"}}");
      JsonObject joined = ws.await("room.joined");
      assertThat(joined.getJsonObject("payload").getString("room_id")).isEqualTo("chat_general");

      ws.sendRaw(
          "{\"type\": \"room.broadcast\", \"message_id\": \""
              + UUID.randomUUID()
              + "\", "
              + "\"timestamp\": \"2025-11-01T12:00:00.123456Z\", \"sender_id\": \"client\", "
              + "\"payload\": {\"room_id\": \"chat_general\", "
              + "\"message\": {\"type\": \"message.text\", \"text\": \"Hello room!\"}, \"exclude_sender\": false}}");

      JsonObject echo = ws.await("room.broadcast");
      assertThat(echo.getString("sender_id")).isEqualTo(ws.userId()).isNotEqualTo("client");
      assertThat(echo.getJsonObject("payload").getJsonObject("message").getString("text"))
          .isEqualTo("Hello room!");
      assertThat(ws.unread("error")).isEmpty();
    }
  }
}
