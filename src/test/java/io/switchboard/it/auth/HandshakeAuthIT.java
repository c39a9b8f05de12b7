package io.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Handshake.Carrier;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Refusal;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The handshake in {@code WS_AUTH_MODE=required}: every kind of bad token on every carrier is
 * refused (HTTP 401 before the upgrade, or 1008 before anything is handled, depending on the
 * server), a valid one on every carrier is accepted, and the Origin allow-list holds even against a
 * valid token. The build gives the server the test key set, issuer, audiences and origins.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandshakeAuthIT {

  private static final String PROBE =
      "{\"type\":\"room.join\",\"payload\":{\"room_id\":\"siege\"}}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  static Stream<Arguments> badTokens() {
    Instant now = Instant.now();
    List<Arguments> cases = new ArrayList<>();
    for (Carrier carrier : Carrier.values()) {
      cases.add(Arguments.of(carrier, "garbage", "malformed token"));
      cases.add(
          Arguments.of(
              carrier,
              Tokens.forUser("a").expiresAt(now.minusSeconds(30)).sign(),
              "token expired"));
      cases.add(
          Arguments.of(
              carrier,
              Tokens.forUser("a").claim("nbf", now.plusSeconds(300).getEpochSecond()).sign(),
              "token not yet valid"));
      cases.add(
          Arguments.of(
              carrier,
              Tokens.forUser("a").claim("iss", "https://evil.example").sign(),
              "wrong issuer"));
      cases.add(
          Arguments.of(
              carrier, Tokens.forUser("a").claim("aud", "other").sign(), "wrong audience"));
      cases.add(
          Arguments.of(
              carrier,
              Tokens.forUser("a").signedWith("RS256", Tokens.attackerRsaKey().getPrivate()).sign(),
              "bad signature"));
      cases.add(
          Arguments.of(
              carrier,
              Tokens.forUser("a").groups("admin").unsigned("none"),
              "algorithm not allowed"));
      cases.add(
          Arguments.of(
              carrier,
              Tokens.forUser("a").groups("admin").hs256WithPublicKey(),
              "algorithm not allowed"));
      cases.add(
          Arguments.of(carrier, Tokens.forUser("a").header("kid", "nope").sign(), "unknown key"));
      cases.add(
          Arguments.of(
              carrier,
              Tokens.forUser("a").claim("padding", "x".repeat(4200)).sign(),
              "token too large"));
    }
    return cases.stream();
  }

  /** Either refusal is right; which one the server chose is printed for docs/servers.md. */
  private static void assertRefused(Refusal refusal, int status, String reason) {
    System.out.println("[handshake] " + reason + " -> " + refusal.describe());
    if (refusal.beforeUpgrade()) {
      assertThat(refusal.httpStatus()).as(refusal.describe()).isEqualTo(status);
    } else {
      assertThat(refusal.closeCode()).as(refusal.describe()).isEqualTo(1008);
      assertThat(refusal.reason()).isEqualTo(reason);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}: {2}")
  @MethodSource("badTokens")
  void aBadTokenIsRefusedOnEveryCarrier(Carrier carrier, String token, String reason) {
    Refusal refusal = Refusal.of(Hub.ws(base), Handshake.withToken(token).via(carrier), PROBE);

    assertRefused(refusal, 401, "unauthorized: " + reason);
  }

  @Test
  void noTokenIsRefused() {
    assertRefused(
        Refusal.of(Hub.ws(base), Handshake.anonymous(), PROBE),
        401,
        "unauthorized: token required");
  }

  @Test
  void twoTokensOnOneRequestAreRefused() {
    String token = Tokens.valid();
    Handshake both =
        Handshake.withToken(token)
            .via(Carrier.QUERY)
            .subprotocols("switchboard.v1", "bearer." + token);

    assertRefused(Refusal.of(Hub.ws(base), both, PROBE), 401, "unauthorized: more than one token");
  }

  @ParameterizedTest
  @CsvSource({"HEADER", "QUERY", "SUBPROTOCOL"})
  void aValidTokenIsAcceptedOnEveryCarrier(Carrier carrier) {
    String token = Tokens.forUser("carrier-" + carrier).groups("user").sign();
    try (HubClient client =
        HubClient.connect(Hub.ws(base), Handshake.withToken(token).via(carrier))) {
      assertThat(client.userId()).isEqualTo("carrier-" + carrier);
      client.sync();
    }
  }

  @Test
  void theTokenOfferedAsSubprotocolIsNeverEchoed() {
    String token = Tokens.valid();
    try (HubClient client =
        HubClient.connect(Hub.ws(base), Handshake.withToken(token).via(Carrier.SUBPROTOCOL))) {
      assertThat(client.negotiatedSubprotocol()).isEqualTo("switchboard.v1");
      assertThat(client.responseHeaders().toString()).doesNotContain(token);
    }
  }

  @Test
  void concurrentConnectionsEachGetTheirOwnCaller() throws Exception {
    int clients = 16;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String[]>> results = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        String user = "concurrent-" + i;
        String token = Tokens.forUser(user).groups("g" + i).sign();
        results.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  try (HubClient c = HubClient.connect(Hub.ws(base), Handshake.withToken(token))) {
                    return new String[] {
                      user,
                      c.userId(),
                      c.established().getJsonObject("payload").getJsonArray("groups").getString(0)
                    };
                  }
                }));
      }
      start.countDown();
      for (Future<String[]> result : results) {
        String[] seen = result.get(30, TimeUnit.SECONDS);
        assertThat(seen[1]).isEqualTo(seen[0]);
        assertThat(seen[2]).isEqualTo("g" + seen[0].substring("concurrent-".length()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @CsvSource({"https://app.switchboard.test", "http://localhost:3000"})
  void anAllowedOriginIsAccepted(String origin) {
    try (HubClient client = HubClient.connect(Hub.ws(base), new Handshake().origin(origin))) {
      client.sync();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "https://evil.example",
    "null",
    "https://app.switchboard.test.evil.example",
    "http://app.switchboard.test",
    "https://app.switchboard.test:8443",
    "HTTPS://APP.SWITCHBOARD.TEST",
    "http://localhost:30000"
  })
  void aForeignOriginIsRefusedEvenWithAValidToken(String origin) {
    assertRefused(
        Refusal.of(Hub.ws(base), new Handshake().origin(origin), PROBE),
        403,
        "forbidden: origin not allowed");
  }

  @Test
  void developmentTokensDoNotExistUnlessSwitchedOn() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(Hub.http(base, "dev/token?user=mallory&groups=admin"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).doesNotContain("access_token");
  }

  @Test
  void hundredsOfRefusedHandshakesLeaveTheRegistryUnchangedAndValidClientsServed() {
    int attempts = 300;
    Carrier[] carriers = Carrier.values();
    List<String> intruders = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      String user = "intruder-" + i;
      intruders.add(user);
      String token =
          switch (i % 4) {
            case 0 -> Tokens.forUser(user).signedWith("RS256", Tokens.RSA_2).sign();
            case 1 -> Tokens.forUser(user).expiresAt(Instant.now().minusSeconds(60)).sign();
            case 2 -> Tokens.forUser(user).groups("admin").unsigned("none");
            default -> null;
          };
      Handshake handshake =
          i % 4 == 3 ? Handshake.anonymous() : Handshake.withToken(token).via(carriers[i % 3]);
      Refusal refusal = Refusal.of(Hub.ws(base), handshake, PROBE);
      assertThat(refusal.beforeUpgrade() || refusal.closeCode() == 1008)
          .as(refusal.describe())
          .isTrue();
    }

    try (HubClient watcher = HubClient.connect(Hub.ws(base))) {
      watcher.join("siege");
      assertThat(watcher.await("room.joined").getJsonObject("payload").getInt("member_count"))
          .as("no refused client ever joined")
          .isEqualTo(1);
      for (String intruder : intruders.subList(0, 12)) {
        String id =
            watcher.send(
                "message.direct",
                Json.createObjectBuilder().add("user_id", intruder).add("message", 1).build());
        assertThat(watcher.awaitErrorCode(id)).isEqualTo("target_not_found");
      }
      watcher.sync();
    }
  }
}
