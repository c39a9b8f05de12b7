package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DirectMessagesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private static JsonObject direct(String targetField, String target, String text) {
    return Json.createObjectBuilder()
        .add(targetField, target)
        .add("message", Json.createObjectBuilder().add("text", text))
        .build();
  }

  @Test
  void aDirectMessageToAConnectionReachesOnlyThatConnection() {
    try (HubClient alice = HubClient.connect(Hub.ws(base));
        HubClient bob = HubClient.connect(Hub.ws(base));
        HubClient carol = HubClient.connect(Hub.ws(base))) {
      alice.send("message.direct", direct("connection_id", bob.connectionId(), "psst"));

      JsonObject received = bob.await("message.direct");
      assertThat(received.getString("sender_id")).isEqualTo(alice.userId());
      assertThat(received.getJsonObject("payload").getString("sender_connection_id"))
          .isEqualTo(alice.connectionId());
      assertThat(received.getJsonObject("payload").getJsonObject("message").getString("text"))
          .isEqualTo("psst");
      carol.sync();
      alice.sync();
      assertThat(carol.unread("message.direct")).isEmpty();
      assertThat(alice.unread("message.direct")).isEmpty();
    }
  }

  @Test
  void aDirectMessageToAUserReachesThatUser() {
    try (HubClient alice = HubClient.connect(Hub.ws(base));
        HubClient bob = HubClient.connect(Hub.ws(base))) {
      alice.send("message.direct", direct("user_id", bob.userId(), "hello bob"));

      assertThat(bob.await("message.direct").getString("sender_id")).isEqualTo(alice.userId());
    }
  }

  @Test
  void aDirectMessageToSomeoneNotConnectedIsAnErrorForTheSender() {
    try (HubClient alice = HubClient.connect(Hub.ws(base))) {
      String toConnection =
          alice.send("message.direct", direct("connection_id", "no-such-connection", "x"));
      assertThat(alice.awaitErrorCode(toConnection)).isEqualTo("target_not_found");

      String toUser = alice.send("message.direct", direct("user_id", "guest-nobody", "x"));
      assertThat(alice.awaitErrorCode(toUser)).isEqualTo("target_not_found");
    }
  }

  @Test
  void aDirectMessageToAConnectionThatLeftIsAnError() {
    try (HubClient alice = HubClient.connect(Hub.ws(base))) {
      HubClient bob = HubClient.connect(Hub.ws(base));
      alice.join("direct-left");
      alice.await("room.joined");
      bob.join("direct-left");
      bob.await("room.joined");
      bob.close();
      alice.await("room.member.left");

      String id =
          alice.send("message.direct", direct("connection_id", bob.connectionId(), "too late"));

      assertThat(alice.awaitErrorCode(id)).isEqualTo("target_not_found");
    }
  }
}
