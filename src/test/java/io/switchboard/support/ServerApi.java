package io.switchboard.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server API of the deployed hub ({@code /api/v1}), called over real HTTP as a service. The
 * keys are the ones the failsafe {@code default} execution puts in {@code WS_API_KEYS}.
 */
public final class ServerApi {

  /** A key given in plain text: {@code it-orders:<secret>}. */
  public static final String ORDERS_KEY = "it-orders-secret-0123456789";

  /** A key given as its SHA-256: {@code it-hashed:sha256:<hex>}. */
  public static final String HASHED_KEY = "it-hashed-secret-0123456789";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URL base;
  private final Map<String, String> headers;

  private ServerApi(URL base, Map<String, String> headers) {
    this.base = base;
    this.headers = headers;
  }

  /** Calls with {@code X-API-Key: key}. */
  public static ServerApi withKey(URL base, String key) {
    return new ServerApi(base, Map.of("X-API-Key", key));
  }

  /** Calls with {@code Authorization: Bearer token}. */
  public static ServerApi withToken(URL base, String token) {
    return new ServerApi(base, Map.of("Authorization", "Bearer " + token));
  }

  /** Calls without credentials. */
  public static ServerApi anonymous(URL base) {
    return new ServerApi(base, Map.of());
  }

  /** The same caller, adding a header to every call. */
  public ServerApi header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ServerApi(base, more);
  }

  public AdminApi.Answer get(String path) throws Exception {
    return send(request(path).GET());
  }

  public AdminApi.Answer post(String path, JsonObject body) throws Exception {
    return post(path, body.toString());
  }

  public AdminApi.Answer post(String path, String body) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public AdminApi.Answer put(String path) throws Exception {
    return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()));
  }

  public AdminApi.Answer delete(String path) throws Exception {
    return send(request(path).DELETE());
  }

  /** {@code {"message": message}}, the body of every publish. */
  public static JsonObject message(JsonObject message) {
    return Json.createObjectBuilder().add("message", message).build();
  }

  /** {@code {"text": text}}. */
  public static JsonObject text(String text) {
    return Json.createObjectBuilder().add("text", text).build();
  }

  /** The problem body's {@code code}. */
  public static String code(AdminApi.Answer answer) {
    return Json.createReader(new StringReader(answer.body())).readObject().getString("code");
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(Hub.http(base, "api/v1/" + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(builder::header);
    return builder;
  }

  private static AdminApi.Answer send(HttpRequest.Builder request) throws Exception {
    return new AdminApi.Answer(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }
}
