package io.switchboard.it.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Handshake.Carrier;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Refusal;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
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
 * Seed 002's endpoints table, each row on its Switchboard counterpart: {@code /ws} (echo, JSON),
 * {@code /ws/{client_id}} (the id comes from the token), {@code /ws/chat/{room}/{username}} ({@code
 * /ws/rooms/{room}}), {@code /ws/auth?token=} ({@code /ws?token=}), and its exercise of the last
 * messages on join ({@code room.join} with {@code history}). See docs/seeds.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Seed002EndpointsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private static String room() {
    return "chat-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void basicEchoAndJsonProtocolAreSlashWs() {
    try (HubClient ws = HubClient.connect(Hub.ws(base))) {
      ws.sendRaw("{\"type\":\"message.text\",\"payload\":{\"text\":\"Hello\"}}");

      assertThat(ws.await("message.text").getJsonObject("payload").getString("text"))
          .isEqualTo("Hello");
    }
  }

  @Test
  void theClientIdComesFromTheTokenNotThePath() {
    String user = Tokens.uniqueUser();
    try (HubClient ws =
        HubClient.connect(Hub.ws(base), Handshake.withToken(Tokens.fastApiHs256(user)))) {
      JsonObject greeting = ws.established().getJsonObject("payload");
      assertThat(greeting.getString("user_id")).isEqualTo(user);
      assertThat(greeting.getString("connection_id")).isNotBlank();
    }
  }

  @Test
  void theChatRoomEndpointIsTheRoomPath() {
    String room = room();
    try (HubClient alice = HubClient.connect(Hub.ws(base), new Handshake().path("/rooms/" + room));
        HubClient bob = HubClient.connect(Hub.ws(base), new Handshake().path("/rooms/" + room))) {
      alice.await("room.joined");
      bob.await("room.joined");
      alice.await("room.member.joined");

      bob.broadcast(room, Json.createObjectBuilder().add("text", "hi all").build(), false);

      for (HubClient member : new HubClient[] {alice, bob}) {
        assertThat(member.await("room.broadcast").getJsonObject("payload").toString())
            .contains("hi all");
      }
    }
  }

  @Test
  void theAuthEndpointIsTheTokenQueryParameter() {
    String user = Tokens.uniqueUser();
    Handshake handshake =
        Handshake.withToken(Tokens.fastApiHs256(user)).via(Carrier.QUERY).queryParameter("token");
    try (HubClient ws = HubClient.connect(Hub.ws(base), handshake)) {
      assertThat(ws.userId()).isEqualTo(user);
    }
    Refusal refused =
        Refusal.of(
            Hub.ws(base),
            Handshake.withToken("secret-token").via(Carrier.QUERY).queryParameter("token"),
            "{}");
    assertThat(refused.beforeUpgrade() ? refused.httpStatus() : refused.closeCode())
        .as("the seed's 4001 is 401 or 1008 here: %s", refused.describe())
        .isIn(401, 1008);
  }

  @Test
  void aLateJoinerGetsTheLastMessages() {
    String room = room();
    try (HubClient speaker = HubClient.connect(Hub.ws(base))) {
      speaker.join(room);
      speaker.await("room.joined");
      for (int i = 1; i <= 3; i++) {
        speaker.broadcast(room, Json.createObjectBuilder().add("n", i).build(), true);
        speaker.await("room.broadcast.ack");
      }

      try (HubClient late = HubClient.connect(Hub.ws(base))) {
        late.send(
            "room.join",
            Json.createObjectBuilder().add("room_id", room).add("history", 50).build());

        assertThat(late.await("room.joined").getJsonObject("payload").getInt("replayed"))
            .isEqualTo(3);
        for (int i = 1; i <= 3; i++) {
          assertThat(
                  late.await("room.broadcast")
                      .getJsonObject("payload")
                      .getJsonObject("message")
                      .getInt("n"))
              .isEqualTo(i);
        }
      }
    }
  }
}
