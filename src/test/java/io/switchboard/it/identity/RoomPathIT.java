package io.switchboard.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
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
 * {@code /ws/rooms/{room_id}}: a connection opened already in the room, with the same protocol and
 * rules as {@code /ws} (the {@code identity} server has {@code admin.*:join=admin}); a room it may
 * not join closes it with 4007 before the greeting.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoomPathIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  private static String room() {
    return "path-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void theRoomPathOpensAConnectionAlreadyInTheRoom() {
    String room = room();
    try (HubClient member = HubClient.connect(Hub.ws(base));
        HubClient byPath =
            HubClient.connect(Hub.ws(base), new Handshake().path("/rooms/" + room))) {
      JsonObject joined = byPath.await("room.joined").getJsonObject("payload");
      assertThat(joined.getString("room_id")).isEqualTo(room);
      assertThat(joined.getInt("member_count")).isEqualTo(1);

      member.join(room);
      member.await("room.joined");
      member.broadcast(room, Json.createObjectBuilder().add("text", "hi").build(), true);

      JsonObject relayed = byPath.await("room.broadcast").getJsonObject("payload");
      assertThat(relayed.getJsonObject("message").getString("text")).isEqualTo("hi");
      byPath.broadcast(room, Json.createObjectBuilder().add("text", "back").build(), true);
      assertThat(
              member
                  .await("room.broadcast")
                  .getJsonObject("payload")
                  .getJsonObject("message")
                  .getString("text"))
          .isEqualTo("back");
    }
  }

  @Test
  void theRoomPathSpeaksTheWholeProtocol() {
    try (HubClient byPath =
        HubClient.connect(Hub.ws(base), new Handshake().path("/rooms/" + room()))) {
      byPath.await("room.joined");
      byPath.sync();
      String other = room();
      byPath.join(other);
      assertThat(byPath.await("room.joined").getJsonObject("payload").getString("room_id"))
          .isEqualTo(other);
    }
  }

  @Test
  void aRoomTheRulesRefuseClosesWith4007BeforeTheGreeting() {
    CloseReason reason =
        HubClient.connectRefused(Hub.ws(base), new Handshake().path("/rooms/admin.secrets"));

    assertThat(reason.getCloseCode().getCode()).isEqualTo(4007);
    assertThat(reason.getReasonPhrase()).isEqualTo("room refused: forbidden");
  }

  @Test
  void anAdminMayOpenTheAdminRoomByPath() {
    Handshake admin =
        Handshake.withToken(Tokens.forUser(Tokens.uniqueUser()).groups("admin").sign())
            .path("/rooms/admin.ops");
    try (HubClient client = HubClient.connect(Hub.ws(base), admin)) {
      assertThat(client.await("room.joined").getJsonObject("payload").getString("room_id"))
          .isEqualTo("admin.ops");
    }
  }

  @Test
  void anInvalidRoomIdClosesWith4007() {
    CloseReason reason =
        HubClient.connectRefused(Hub.ws(base), new Handshake().path("/rooms/bad!room"));

    assertThat(reason.getCloseCode().getCode()).isEqualTo(4007);
    assertThat(reason.getReasonPhrase()).isEqualTo("room refused: invalid_room_id");
  }

  @Test
  void aRoomPathConnectionMayAuthenticateWithItsFirstMessage() {
    String room = room();
    String user = Tokens.uniqueUser();
    try (HubClient client =
        HubClient.open(Hub.ws(base), Handshake.anonymous().path("/rooms/" + room))) {
      client.send(
          "auth", Json.createObjectBuilder().add("token", Tokens.forUser(user).sign()).build());

      assertThat(client.awaitEstablished().getJsonObject("payload").getString("user_id"))
          .isEqualTo(user);
      assertThat(client.await("room.joined").getJsonObject("payload").getString("room_id"))
          .isEqualTo(room);
    }
  }
}
