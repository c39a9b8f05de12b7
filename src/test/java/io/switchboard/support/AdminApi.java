package io.switchboard.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The admin REST API of the deployed hub, called over real HTTP with a given bearer token. */
public final class AdminApi {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URL base;
  private final String token;

  private AdminApi(URL base, String token) {
    this.base = base;
    this.token = token;
  }

  /** Calls as the holder of {@code token}; null calls without an Authorization header. */
  public static AdminApi as(URL base, String token) {
    return new AdminApi(base, token);
  }

  /** A token of a fresh user in the {@code admin} group. */
  public static String adminToken() {
    return Tokens.forUser(Tokens.uniqueUser()).groups("admin").sign();
  }

  public Answer get(String path) throws Exception {
    return send(request(path).GET());
  }

  public Answer post(String path, JsonObject body) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(Hub.http(base, "api/admin/" + path))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30));
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private static Answer send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response);
  }

  /** One HTTP answer of the admin API. */
  public record Answer(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public JsonStructure json() {
      return Json.createReader(new StringReader(response.body())).read();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }
}
