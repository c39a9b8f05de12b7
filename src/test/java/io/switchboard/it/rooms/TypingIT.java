package io.switchboard.it.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Typing indicators, with WS_TYPING_TIMEOUT=3 seconds. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TypingIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void typingIsRelayedToTheOthersOncePerBurstAndStopsWhenTold() {
    String room = "typing-relay";
    try (HubClient typist = HubClient.connect(Hub.ws(base));
        HubClient reader = HubClient.connect(Hub.ws(base))) {
      Chat.join(typist, room);
      Chat.join(reader, room);

      typist.send("typing.start", Chat.room(room));
      typist.send("typing.start", Chat.room(room));
      typist.send("typing.start", Chat.room(room));
      JsonObject started = reader.await("typing.started");
      typist.send("typing.stop", Chat.room(room));
      JsonObject stopped = reader.await("typing.stopped");

      assertThat(started.getString("sender_id")).isEqualTo(typist.userId());
      assertThat(started.getJsonObject("payload").getString("user_id")).isEqualTo(typist.userId());
      assertThat(stopped.getJsonObject("payload").getString("reason")).isEqualTo("stopped");
      Chat.assertNoMore(reader, "typing.started");
      Chat.assertNoMore(typist, "typing.started");
      assertThat(typist.unread("typing.stopped")).as("not echoed to the typist").isEmpty();
    }
  }

  @Test
  void anIndicatorThatIsNotRefreshedExpires() {
    String room = "typing-expiry";
    try (HubClient typist = HubClient.connect(Hub.ws(base));
        HubClient reader = HubClient.connect(Hub.ws(base))) {
      Chat.join(typist, room);
      Chat.join(reader, room);

      typist.send("typing.start", Chat.room(room));
      reader.await("typing.started");
      long startedAt = System.nanoTime();
      JsonObject expired = reader.await("typing.stopped");

      assertThat(Duration.ofNanos(System.nanoTime() - startedAt))
          .isGreaterThanOrEqualTo(TIMEOUT.minusMillis(500));
      assertThat(expired.isNull("sender_id")).isTrue();
      assertThat(expired.getJsonObject("payload").getString("reason")).isEqualTo("expired");
      assertThat(expired.getJsonObject("payload").getString("user_id")).isEqualTo(typist.userId());
    }
  }

  @Test
  void onlyMembersMayType() {
    try (HubClient outsider = HubClient.connect(Hub.ws(base))) {
      String id = outsider.send("typing.start", Chat.room("typing-closed"));

      assertThat(outsider.awaitErrorCode(id)).isEqualTo("not_a_member");
    }
  }
}
