package io.switchboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server's Prometheus text, scraped where the server's Maven profile says it is. */
public final class Metrics {

  private final String text;

  private Metrics(String text) {
    this.text = text;
  }

  public static Metrics scrape(URL base) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Hub.metrics(base)))
                    .header("Accept", "text/plain")
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", Hub.metrics(base)).isEqualTo(200);
    return new Metrics(response.body());
  }

  /** The first sample of {@code name} whose labels contain {@code label} (null: any), or fails. */
  public double value(String name, String label) {
    return find(name, label)
        .orElseThrow(
            () -> new AssertionError("no sample " + name + " with " + label + " in:\n" + text));
  }

  /** The first sample of {@code name} whose labels contain {@code label}, or 0 when none yet. */
  public double valueOrZero(String name, String label) {
    return find(name, label).orElse(0);
  }

  private OptionalDouble find(String name, String label) {
    Pattern sample =
        Pattern.compile(
            "^" + Pattern.quote(name) + "(\\{([^}]*)\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE);
    Matcher m = sample.matcher(text);
    while (m.find()) {
      if (label == null || (m.group(2) != null && m.group(2).contains(label))) {
        return OptionalDouble.of(Double.parseDouble(m.group(3)));
      }
    }
    return OptionalDouble.empty();
  }

  @Override
  public String toString() {
    return text;
  }
}
