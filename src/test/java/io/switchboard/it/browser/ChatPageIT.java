package io.switchboard.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.AdminApi;
import io.switchboard.support.Handshake;
import io.switchboard.support.Hub;
import io.switchboard.support.HubClient;
import io.switchboard.support.Tokens;
import jakarta.json.Json;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The chat page in a real headless Chromium against the deployed WAR: what a user of the page sees
 * when others write, type, when the connection is cut, and when the token runs out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatPageIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Hub.war();
  }

  @ArquillianResource URL base;

  @Test
  void twoPagesChatWithEachOtherAndMarkupStaysText() {
    String room = "team-" + suffix();
    try (Browser first = Browser.open();
        Browser second = Browser.open()) {
      ChatPage alice = ChatPage.signIn(first, base, token("alice"));
      ChatPage bob = ChatPage.signIn(second, base, token("bob"));
      alice.join(room);
      bob.join(room);

      alice.send("Morning Bob, the release notes are in the wiki");
      bob.awaitMessages(
          Browser.TIMEOUT, m -> m.contains("Morning Bob, the release notes are in the wiki"));
      bob.send("Thanks! Reading <b>now</b>");
      alice.awaitMessages(Browser.TIMEOUT, m -> m.contains("Thanks! Reading <b>now</b>"));
      alice.send("See you at the stand-up");
      bob.awaitMessages(Browser.TIMEOUT, m -> m.contains("See you at the stand-up"));

      assertThat(first.driver().findElements(By.cssSelector("#messages b"))).isEmpty();
      bob.browser().await(d -> bob.members().stream().anyMatch(m -> m.startsWith("alice")));
      assertThat(bob.members()).containsExactly("alice / 1 device", "bob (you) / 1 device");
      bob.browser().screenshot("chat");
    }
  }

  @Test
  void typingShowsOnTheOtherPageAndExpires() {
    String room = "typing-" + suffix();
    String typist = Tokens.uniqueUser();
    try (Browser first = Browser.open();
        Browser second = Browser.open()) {
      ChatPage writer = ChatPage.signIn(first, base, token(typist));
      ChatPage reader = ChatPage.signIn(second, base, token(Tokens.uniqueUser()));
      writer.join(room);
      reader.join(room);

      writer.type("Just a sec");

      reader.browser().await(d -> reader.typing().equals(typist + " is typing…"));
      reader.browser().await(Duration.ofSeconds(10), d -> reader.typing().isEmpty());
      assertThat(reader.messages()).isEmpty();
    }
  }

  @Test
  void whileThePageIsCutAnotherClientPublishesAndThePageShowsEveryMessageOnceInOrder()
      throws Exception {
    String room = "recovery-" + suffix();
    try (Browser browser = Browser.open();
        HubClient publisher =
            HubClient.connect(Hub.ws(base), Handshake.withToken(token(Tokens.uniqueUser())))) {
      ChatPage page = ChatPage.signIn(browser, base, token(Tokens.uniqueUser()));
      page.join(room);
      publisher.join(room);
      publisher.await("room.joined");

      publish(publisher, room, 1, 5);
      String cut = page.connectionId();
      assertThat(
              AdminApi.as(base, AdminApi.adminToken())
                  .post(
                      "connections/" + cut + "/disconnect",
                      Json.createObjectBuilder().add("reason", "cable pulled").build())
                  .status())
          .isEqualTo(200);
      publish(publisher, room, 6, 10);
      browser.await(d -> "connected".equals(page.state()) && !cut.equals(page.connectionId()));
      publish(publisher, room, 11, 15);

      List<String> expected = IntStream.rangeClosed(1, 15).mapToObj(i -> "update " + i).toList();
      page.awaitMessages(Browser.TIMEOUT, m -> m.contains("update 15"));
      assertThat(page.messages()).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void aTokenAboutToExpireIsRefreshedThroughGetTokenWithoutReconnecting() {
    String user = Tokens.uniqueUser();
    Instant expiry = Instant.now().plusSeconds(9);
    try (Browser browser = Browser.open()) {
      ChatPage page =
          ChatPage.signIn(
              browser, base, Tokens.forUser(user).groups("user").expiresAt(expiry).sign());
      String connection = page.connectionId();

      browser.await(d -> d.findElement(By.id("renew")).isDisplayed());
      browser.script("document.getElementById('renew-token').value = arguments[0];", token(user));
      browser.driver().findElement(By.cssSelector("#renew-form button")).click();

      browser.await(d -> d.findElement(By.id("toasts")).getText().contains("Session renewed"));
      browser.await(d -> !d.findElement(By.id("renew")).isDisplayed());
      browser.await(d -> Instant.now().isAfter(expiry.plusSeconds(3)));
      assertThat(page.state()).isEqualTo("connected");
      assertThat(page.connectionId()).isEqualTo(connection);
    }
  }

  private static void publish(HubClient publisher, String room, int from, int to) {
    for (int i = from; i <= to; i++) {
      String id =
          publisher.broadcast(
              room,
              Json.createObjectBuilder().add("type", "chat").add("text", "update " + i).build(),
              true);
      publisher.await(
          "room.broadcast.ack",
          f -> f.getJsonObject("payload").getString("ref_message_id").equals(id));
    }
  }

  private static String token(String user) {
    return Tokens.forUser(user).groups("user").sign();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
