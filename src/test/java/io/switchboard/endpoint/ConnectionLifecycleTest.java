package io.switchboard.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.auth.Admission;
import io.switchboard.auth.Rejection;
import io.switchboard.config.HubConfig;
import io.switchboard.config.Settings;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.registry.Connections;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The portable fallback for a refused handshake, for servers that upgrade before the hub can answer
 * 401: {@code @OnOpen} closes with 1008 and touches nothing else. The session is a stand-in that
 * fails on any call but the two allowed ones.
 */
class ConnectionLifecycleTest {

  private final Connections connections = new Connections();
  private final ConnectionLifecycle lifecycle = new ConnectionLifecycle();
  private final List<String> calls = new ArrayList<>();
  private final List<CloseReason> closes = new ArrayList<>();

  ConnectionLifecycleTest() {
    lifecycle.config = new HubConfig(Settings.defaults());
    lifecycle.connections = connections;
    lifecycle.metrics = new HubMetrics();
  }

  private Session session(Map<String, Object> userProperties) {
    return (Session)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Session.class},
            (proxy, method, args) -> {
              calls.add(method.getName());
              return switch (method.getName()) {
                case "getUserProperties" -> userProperties;
                case "close" -> {
                  closes.add((CloseReason) args[0]);
                  yield null;
                }
                default -> null;
              };
            });
  }

  @Test
  void aRefusedHandshakeIsClosedWith1008BeforeAnythingElse() {
    Map<String, Object> properties = new HashMap<>();
    properties.put(Admission.KEY, new Admission.Refused(Rejection.TOKEN_EXPIRED));

    lifecycle.open(session(properties));

    assertThat(closes)
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.getCloseCode().getCode()).isEqualTo(1008);
              assertThat(reason.getReasonPhrase()).isEqualTo("unauthorized: token expired");
            });
    assertThat(calls).containsExactly("getUserProperties", "close");
    assertThat(connections.count()).isZero();
    assertThat(ConnectionLifecycle.connectionOf(session(properties))).isEmpty();
  }

  @Test
  void aSessionWithoutAVerdictIsRefusedToo() {
    lifecycle.open(session(new HashMap<>()));

    assertThat(closes)
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.getCloseCode().getCode()).isEqualTo(1008);
              assertThat(reason.getReasonPhrase()).isEqualTo("unauthorized: token required");
            });
    assertThat(connections.count()).isZero();
  }
}
