package io.switchboard.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One blocking GET of a JWKS document, with timeouts and a size bound. It runs only on the managed
 * scheduler (and once at startup), never on a thread that serves a request.
 */
final class KeySetFetch {

  private KeySetFetch() {}

  /** The document at {@code location}, at most {@code maxBytes} long. */
  static String get(String location, Duration timeout, int maxBytes) throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection) URI.create(location).toURL().openConnection();
    connection.setConnectTimeout((int) timeout.toMillis());
    connection.setReadTimeout((int) timeout.toMillis());
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
    connection.setRequestProperty("Accept", "application/jwk-set+json, application/json");
    try {
      int status = connection.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        throw new IOException("HTTP " + status);
      }
      try (InputStream in = connection.getInputStream()) {
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
          throw new IOException("key set larger than " + maxBytes + " bytes");
        }
        return new String(body, StandardCharsets.UTF_8);
      }
    } finally {
      connection.disconnect();
    }
  }
}
