package dev.vigil.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The tests' one way into the internal and admin APIs (and the engine API). Every request passes through
 * {@link #identify}: today it names tenant and actor in headers; when {@code /internal/**} is secured, that is
 * the one line that adds the analyst's bearer token.
 */
public final class InternalApi {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String base;
  private final String tenant;

  public InternalApi(int port, String tenant) {
    this.base = "http://127.0.0.1:" + port;
    this.tenant = tenant;
  }

  public String tenant() {
    return tenant;
  }

  /** The same API as another tenant (isolation tests). */
  public InternalApi as(String otherTenant) {
    return new InternalApi(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherTenant);
  }

  private HttpRequest.Builder identify(HttpRequest.Builder request) {
    return request.header("X-Vigil-Tenant", tenant).header("X-Vigil-Actor", "analyst-1");
  }

  public Answer get(String path) {
    return send(identify(HttpRequest.newBuilder(URI.create(base + path))).GET());
  }

  public Answer post(String path, String json) {
    return send(identify(HttpRequest.newBuilder(URI.create(base + path)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Answer put(String path, String json) {
    return send(identify(HttpRequest.newBuilder(URI.create(base + path)))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A request without tenant or actor (to test that they are required). */
  public Answer getAnonymously(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response: status, content type and body. */
  public record Answer(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
