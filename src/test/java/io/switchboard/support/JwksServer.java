package io.switchboard.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An identity provider's JWKS endpoint, served by the JDK's HTTP server where the hub's environment
 * says it is ({@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}, an {@code http://127.0.0.1} URL with the
 * private port the build chose). Registered before {@code ArquillianExtension}, it is up before the
 * server boots and deploys the hub, which fetches the set at startup. The test changes what it
 * serves (a rotation) or makes it fail (an outage).
 */
public final class JwksServer implements BeforeAllCallback, AfterAllCallback {

  private static final AtomicReference<String> BODY =
      new AtomicReference<>(Jwks.signing(Tokens.RSA_KID).json());
  private static final AtomicInteger STATUS = new AtomicInteger(200);
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static HttpServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (server != null) {
      return;
    }
    URI location = URI.create(System.getenv("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", location.getPort()), 16);
    server.createContext(
        location.getPath(),
        exchange -> {
          REQUESTS.incrementAndGet();
          byte[] body =
              (STATUS.get() == 200 ? BODY.get() : "provider down").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(STATUS.get(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Serves {@code jwks} from now on, and ends an outage. */
  public static void publish(Jwks jwks) {
    BODY.set(jwks.json());
    STATUS.set(200);
  }

  /** Answers every request with HTTP 503 until the next {@link #publish}. */
  public static void outage() {
    STATUS.set(503);
  }

  /** Requests served so far. */
  public static int requests() {
    return REQUESTS.get();
  }
}
