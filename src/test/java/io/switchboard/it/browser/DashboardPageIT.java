package io.switchboard.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The operations dashboard at /admin/ in a real headless Chromium against the deployed WAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardPageIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void theDashboardShowsANewConnectionLiveAndDisconnectsIt() {
    try (Browser browser = Browser.open();
        HubClient dana =
            HubClient.connect(
                Hub.ws(base), Handshake.withToken(Tokens.forUser("dana").groups("user").sign()));
        HubClient erik =
            HubClient.connect(
                Hub.ws(base), Handshake.withToken(Tokens.forUser("erik").groups("user").sign()))) {
      browser.driver().get(Hub.http(base, "admin/").toString());
      browser.script(
          "document.getElementById('admin-token').value = arguments[0];",
          Tokens.forUser("ops").groups("admin").sign());
      browser.driver().findElement(By.id("signin-button")).click();
      browser.await(d -> d.findElement(By.id("dashboard")).isDisplayed());
      dana.join("support-desk");
      erik.join("support-desk");
      for (int i = 0; i < 5; i++) {
        dana.broadcast(
            "support-desk", Json.createObjectBuilder().add("text", "ticket " + i).build(), false);
      }

      String row = "tr[data-connection='" + dana.connectionId() + "']";
      browser.await(d -> rowText(browser, row).contains("support-desk"));
      assertThat(rowText(browser, row)).contains("dana", "authenticated");
      browser.await(
          d ->
              ((Number)
                          browser.script(
                              "return Chart.getChart('chart-messages').data.labels.length;"))
                      .intValue()
                  >= 4);
      assertThat(browser.driver().findElement(By.id("metrics-source")).getText())
          .isEqualTo(
              metricsOnTheApplicationPort()
                  ? "metrics: /metrics"
                  : "metrics unreachable: rates from the admin API");
      browser.screenshot("dashboard");

      // the tables are redrawn every two seconds: find and click in one script
      browser.script("document.querySelector(arguments[0]).click();", row + " button");

      assertThat(dana.awaitClose().getCloseCode().getCode()).isEqualTo(4006);
      browser.await(d -> rowText(browser, row).isEmpty());
      assertThat(erik.isOpen()).isTrue();
    }
  }

  /** The text of a table row, read in one script (the tables are redrawn); empty when absent. */
  private static String rowText(Browser browser, String selector) {
    return (String)
        browser.script(
            "const row = document.querySelector(arguments[0]);"
                + " return row ? row.innerText.replace(/\\s+/g, ' ') : '';",
            selector);
  }

  /** Payara and Liberty serve /metrics next to the page; WildFly only on its management port. */
  private boolean metricsOnTheApplicationPort() {
    return Hub.metrics(base).equals("http://localhost:" + base.getPort() + "/metrics");
  }

  @Test
  void aTokenWithoutTheAdminGroupIsSentBackToSignIn() {
    try (Browser browser = Browser.open()) {
      browser.driver().get(Hub.http(base, "admin/").toString());
      browser.script(
          "document.getElementById('admin-token').value = arguments[0];", Tokens.valid());
      browser.driver().findElement(By.id("signin-button")).click();
      browser.await(d -> d.findElement(By.id("signin-error")).isDisplayed());
      assertThat(browser.driver().findElement(By.id("signin-error")).getText())
          .isEqualTo("This token is not in the admin group.");
    }
  }
}
