package io.switchboard.it.rooms;

import static io.switchboard.it.rooms.Chat.publishAs;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
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

/** A broadcast retried with the same message_id reaches the room once; every attempt is acked. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdempotentPublishIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private static JsonObject ack(HubClient client, String messageId) {
    return client
        .await("room.broadcast.ack", f -> messageId.equals(Chat.refOf(f)))
        .getJsonObject("payload");
  }

  @Test
  void aRetryWithTheSameMessageIdIsDeliveredOnceAndAckedWithTheSameSequence() {
    String room = "idempotent-retry";
    try (HubClient author = HubClient.connect(Hub.ws(base));
        HubClient reader = HubClient.connect(Hub.ws(base))) {
      Chat.join(author, room);
      Chat.join(reader, room);
      String id = UUID.randomUUID().toString();

      publishAs(author, id, room, "once");
      JsonObject first = ack(author, id);
      publishAs(author, id, room, "once");
      JsonObject retry = ack(author, id);

      assertThat(first.getBoolean("duplicate")).isFalse();
      assertThat(retry.getBoolean("duplicate")).isTrue();
      assertThat(retry.getInt("seq")).isEqualTo(first.getInt("seq"));
      assertThat(retry.getString("epoch")).isEqualTo(first.getString("epoch"));
      assertThat(Chat.seq(reader.await("room.broadcast"))).isEqualTo(first.getInt("seq"));
      Chat.assertNoMore(reader, "room.broadcast");
    }
  }

  @Test
  void aRetryFromTheSameUsersNewConnectionIsStillRecognised() {
    String room = "idempotent-reconnect";
    Handshake sameUser = new Handshake();
    try (HubClient reader = HubClient.connect(Hub.ws(base))) {
      Chat.join(reader, room);
      String id = UUID.randomUUID().toString();
      long seq;
      try (HubClient before = HubClient.connect(Hub.ws(base), sameUser)) {
        Chat.join(before, room);
        publishAs(before, id, room, "sent before the drop");
        seq = ack(before, id).getJsonNumber("seq").longValue();
      }
      try (HubClient after = HubClient.connect(Hub.ws(base), sameUser)) {
        Chat.join(after, room);
        publishAs(after, id, room, "sent before the drop");
        JsonObject retry = ack(after, id);

        assertThat(retry.getBoolean("duplicate")).isTrue();
        assertThat(retry.getJsonNumber("seq").longValue()).isEqualTo(seq);
      }
      assertThat(Chat.seq(reader.await("room.broadcast"))).isEqualTo(seq);
      Chat.assertNoMore(reader, "room.broadcast");
    }
  }

  @Test
  void theSameMessageIdFromAnotherUserIsAnotherMessage() {
    String room = "idempotent-users";
    try (HubClient alice = HubClient.connect(Hub.ws(base));
        HubClient bob = HubClient.connect(Hub.ws(base))) {
      Chat.join(alice, room);
      Chat.join(bob, room);
      String id = UUID.randomUUID().toString();

      publishAs(alice, id, room, "from alice");
      JsonObject fromAlice = ack(alice, id);
      publishAs(bob, id, room, "from bob");
      JsonObject fromBob = ack(bob, id);

      assertThat(fromBob.getBoolean("duplicate")).isFalse();
      assertThat(fromBob.getInt("seq")).isEqualTo(fromAlice.getInt("seq") + 1);
    }
  }
}
