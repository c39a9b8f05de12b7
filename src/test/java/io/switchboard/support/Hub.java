package io.switchboard.support;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployed hub: the WAR exactly as {@code mvn package} built it, and its WebSocket address. */
public final class Hub {

  private Hub() {}

  /** The packaged WAR, unmodified: the tests run against what users deploy. */
  public static WebArchive war() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("switchboard.war")));
  }

  /**
   * Where the server exposes its metrics in Prometheus format, set by the server's Maven profile
   * ({@code switchboard.metrics}): a path on the application's port, or a full URL (WildFly serves
   * them on its management port).
   */
  public static String metrics(URL base) {
    String where = System.getProperty("switchboard.metrics");
    return where.startsWith("http") ? where : "http://localhost:" + base.getPort() + where;
  }

  /**
   * The server's MicroProfile Health endpoint {@code /health/<which>} ({@code live}, {@code ready},
   * {@code started}), where the server's Maven profile says it is ({@code switchboard.health}: a
   * path on the application's port, or a full URL; WildFly serves it on its management port).
   */
  public static HttpResponse<String> health(URL base, String which) throws Exception {
    String where = System.getProperty("switchboard.health");
    String url =
        (where.startsWith("http") ? where : "http://localhost:" + base.getPort() + where)
            + "/"
            + which;
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The server's MicroProfile OpenAPI document, at {@code /openapi} on the application's port. The
   * first request makes the server scan the application, which takes seconds on a loaded machine.
   */
  public static HttpResponse<String> openApi(URL base) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + base.getPort() + "/openapi"))
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The {@code /ws} endpoint under the deployment's base URL. Always {@code localhost}: some
   * adapters report the machine's external address, which these machines do not route to.
   */
  public static URI ws(URL base) {
    return URI.create("ws://localhost:" + base.getPort() + context(base) + "ws");
  }

  /** {@code relative} (no leading slash) under the deployment, over HTTP on {@code localhost}. */
  public static URI http(URL base, String relative) {
    return URI.create("http://localhost:" + base.getPort() + context(base) + relative);
  }

  private static String context(URL base) {
    return base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
  }
}
