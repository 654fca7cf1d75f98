package dev.vigil.server;

import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.access.IssuedApiKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * A tenant of its own with an API key, and an HTTP client that sends that key: what every engine-API test
 * starts from.
 */
public record TestTenant(String id, IssuedApiKey key, int port) {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public static TestTenant create(ApiKeys keys, int port) {
    String id = "t-" + UUID.randomUUID();
    return new TestTenant(id, keys.issue(id, "test"), port);
  }

  /** The secret part of the key: everything after {@code vgl_<16 hex digits>_} (it may itself contain '_'). */
  public String secret() {
    return key.key().substring("vgl_".length() + 16 + 1);
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** A request to {@code path} carrying this tenant's key as a bearer token. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key.key());
  }

  public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  public static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
