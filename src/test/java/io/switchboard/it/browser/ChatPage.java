package io.switchboard.it.browser;

import io.switchboard.support.Hub;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The chat page (webapp/index.html) as a user sees it, in one browser. */
final class ChatPage {

  private final Browser browser;

  private ChatPage(Browser browser) {
    this.browser = browser;
  }

  /** Opens the chat and signs in with {@code token}; returns once the page is connected. */
  static ChatPage signIn(Browser browser, URL base, String token) {
    browser.driver().get(Hub.http(base, "").toString());
    browser.script("document.getElementById('token').value = arguments[0];", token);
    browser.driver().findElement(By.id("signin-button")).click();
    ChatPage page = new ChatPage(browser);
    browser.await(d -> "connected".equals(page.state()));
    return page;
  }

  Browser browser() {
    return browser;
  }

  /** The client's state, as the page's own Switchboard.Client reports it. */
  String state() {
    return (String)
        browser.script("return window.switchboardChat ? window.switchboardChat.hub.state : null;");
  }

  /** The connection id of the page's current connection, or null. */
  String connectionId() {
    return (String)
        browser.script(
            "const h = window.switchboardChat && window.switchboardChat.hub;"
                + " return h && h.identity ? h.identity.connection_id : null;");
  }

  /** The status line under the user's name. */
  String status() {
    return browser.driver().findElement(By.id("state")).getText();
  }

  /** Joins {@code room} through the join form and waits until its history has been shown. */
  void join(String room) {
    WebElement field = browser.driver().findElement(By.id("join-room"));
    field.sendKeys(room);
    browser.driver().findElement(By.cssSelector("#join-form button")).click();
    browser.await(
        d ->
            Boolean.TRUE.equals(
                browser.script(
                    "const r = window.switchboardChat.hub.rooms.get(arguments[0]);"
                        + " return Boolean(r && r.joined && r.replayLeft === 0);",
                    room)));
    browser.await(d -> title().equals("# " + room));
  }

  String title() {
    return browser.driver().findElement(By.id("conversation-title")).getText();
  }

  /** Types {@code text} into the composer, keystroke by keystroke, without sending. */
  void type(String text) {
    browser.driver().findElement(By.id("message")).sendKeys(text);
  }

  void send(String text) {
    type(text);
    browser.driver().findElement(By.id("send")).click();
  }

  /**
   * The texts of the messages shown, in page order (sent ones still waiting for an ack excluded),
   * read in one script: the page may redraw while it is read.
   */
  @SuppressWarnings("unchecked")
  List<String> messages() {
    return (List<String>)
        browser.script(
            "return Array.from(document.querySelectorAll('#messages .msg:not(.pending) .text'),"
                + " (t) => t.textContent);");
  }

  String typing() {
    return browser.driver().findElement(By.id("typing")).getText();
  }

  /**
   * The member list, one "name / devices" line per user, e.g. {@code "alice / 1 device"}, read in
   * one script: the list is redrawn on every presence change.
   */
  @SuppressWarnings("unchecked")
  List<String> members() {
    return (List<String>)
        browser.script(
            "return Array.from(document.querySelectorAll('#members li'), (li) =>"
                + " li.querySelector('.member-name').textContent + ' / '"
                + " + li.querySelector('.devices').textContent);");
  }

  void awaitMessages(Duration timeout, Predicate<List<String>> condition) {
    browser.await(timeout, d -> condition.test(messages()));
  }
}
