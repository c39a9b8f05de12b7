package io.switchboard.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.AdminApi;
import io.switchboard.support.Hub;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A draining hub tells the page when to come back, and the page comes back exactly then. Its own
 * class: the drained deployment refuses connections until it is redeployed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DrainPageIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  @SuppressWarnings("unchecked")
  void thePageShowsTheCountdownAndReconnectsAfterRetryAfterMs() throws Exception {
    try (Browser browser = Browser.open()) {
      ChatPage page = ChatPage.signIn(browser, base, Tokens.forUser("carol").groups("user").sign());
      browser.script(
          "window.__states = []; const hub = window.switchboardChat.hub;"
              + " hub.on('draining', (p) => (window.__retryAfterMs = p.retry_after_ms));"
              + " hub.on('state', (s, d) => window.__states.push("
              + "{state: s, at: Date.now(), delayMs: d.delayMs === undefined ? null : d.delayMs,"
              + " code: d.code === undefined ? null : d.code}));");

      assertThat(
              AdminApi.as(base, AdminApi.adminToken())
                  .post("drain", Json.createObjectBuilder().build())
                  .status())
          .isEqualTo(200);

      browser.await(d -> page.status().startsWith("Reconnecting in "));
      browser.screenshot("chat-draining");
      List<Map<String, Object>> states =
          browser.await(
              Duration.ofSeconds(30),
              d -> {
                List<Map<String, Object>> seen =
                    (List<Map<String, Object>>) browser.script("return window.__states;");
                return seen.size() >= 3 ? seen : null;
              });
      long retryAfterMs = ((Number) browser.script("return window.__retryAfterMs;")).longValue();

      Map<String, Object> drained = states.get(0);
      Map<String, Object> again = states.get(1);
      Map<String, Object> refused = states.get(2);
      assertThat(retryAfterMs).isBetween(1_000L, 11_000L);
      assertThat(drained).containsEntry("state", "disconnected").containsEntry("code", 1001L);
      assertThat(((Number) drained.get("delayMs")).longValue()).isEqualTo(retryAfterMs);
      assertThat(again).containsEntry("state", "connecting");
      long waited =
          ((Number) again.get("at")).longValue() - ((Number) drained.get("at")).longValue();
      assertThat(waited).isBetween(retryAfterMs - 20, retryAfterMs + 1_000);
      // the hub, still draining, answered that attempt with 1001 and no notice: 1 to 10 s more
      assertThat(refused).containsEntry("state", "disconnected").containsEntry("code", 1001L);
      assertThat(((Number) refused.get("delayMs")).longValue()).isBetween(1_000L, 10_000L);
    }
  }
}
