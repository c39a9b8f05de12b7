package io.switchboard.it.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Tokens;
import jakarta.websocket.CloseReason;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs on a server with WS_MAX_CONNECTIONS=5 and WS_MAX_CONNECTIONS_PER_USER=2, where pings are off
 * and WS_IDLE_TIMEOUT is 3 s: the clients keep talking so that none is reclaimed as idle while the
 * node fills up on a slow machine.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConnectionLimitIT {

  private static final int MAX_CONNECTIONS = 5;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void aConnectionBeyondTheNodeLimitIsClosedWithTryAgainLaterAndASlotFreesWhenOneLeaves() {
    List<HubClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < MAX_CONNECTIONS; i++) {
        clients.forEach(HubClient::sync);
        clients.add(HubClient.connect(Hub.ws(base)));
      }

      CloseReason refused = HubClient.connectRefused(Hub.ws(base));

      assertThat(refused.getCloseCode().getCode()).isEqualTo(1013);
      assertThat(refused.getReasonPhrase()).isEqualTo("server full");
      clients.forEach(HubClient::sync);

      HubClient leaving = clients.remove(0);
      leaving.close();
      leaving.awaitClose();
      clients.add(HubClient.connect(Hub.ws(base)));
    } finally {
      closeAll(clients);
    }
  }

  @Test
  void aUsersConnectionBeyondItsLimitIsClosedWith4005WhileOtherUsersStillConnect() {
    String token = Tokens.forUser(Tokens.uniqueUser()).groups("user").sign();
    List<HubClient> clients = new ArrayList<>();
    try {
      clients.add(HubClient.connect(Hub.ws(base), Handshake.withToken(token)));
      clients.add(HubClient.connect(Hub.ws(base), Handshake.withToken(token)));

      CloseReason refused = HubClient.connectRefused(Hub.ws(base), Handshake.withToken(token));

      assertThat(refused.getCloseCode().getCode()).isEqualTo(4005);
      assertThat(refused.getReasonPhrase()).isEqualTo("too many connections for this user");
      clients.forEach(HubClient::sync);
      clients.add(HubClient.connect(Hub.ws(base)));
    } finally {
      closeAll(clients);
    }
  }

  /** Waits for each close, so that the next test starts with every slot free. */
  private static void closeAll(List<HubClient> clients) {
    for (HubClient client : clients) {
      client.close();
      client.awaitClose();
    }
  }
}
