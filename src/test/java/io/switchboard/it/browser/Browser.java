package io.switchboard.it.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through Debian's chromium-driver, each with a profile of its
 * own (pages do not share storage). Both binaries are named explicitly, so Selenium Manager never
 * looks for a driver on the network.
 */
final class Browser implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  static Browser open() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-background-timer-throttling",
        "--disable-renderer-backgrounding",
        "--window-size=1360,960",
        "--lang=en-GB");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options));
  }

  WebDriver driver() {
    return driver;
  }

  /** Runs {@code script} in the page and returns its value. */
  Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** Waits until {@code condition} gives a non-null, non-false value, at most {@code timeout}. */
  <T> T await(Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(condition);
  }

  <T> T await(Function<WebDriver, T> condition) {
    return await(TIMEOUT, condition);
  }

  /**
   * Saves a screenshot as {@code name}.png in the directory {@code switchboard.screenshots} names
   * ({@code target/screenshots} by default; {@code docs/images} refreshes the documentation's).
   */
  void screenshot(String name) {
    Path dir = Path.of(System.getProperty("switchboard.screenshots", "target/screenshots"));
    try {
      Files.createDirectories(dir);
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          dir.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
