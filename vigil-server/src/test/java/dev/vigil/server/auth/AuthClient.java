package dev.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A browser-like client of the login service for one tenant: sends the client address as
 * {@code X-Forwarded-For} (trusted in tests) and a desktop Chrome user agent unless told otherwise.
 */
public final class AuthClient {
  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
  public static final String HOME = "81.2.69.160";
  public static final String PASSWORD = "s3cret-passphrase";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;
  private final String tenant;

  public AuthClient(int port, String tenant) {
    this.port = port;
    this.tenant = tenant;
  }

  public String tenant() {
    return tenant;
  }

  public HttpResponse<String> register(String email, String password) {
    return post("/auth/register", null, body("tenantId", tenant, "email", email, "password", password));
  }

  /** Registers and returns the account's id. */
  public String registered(String email) {
    HttpResponse<String> response = register(email, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).path("id").asText();
  }

  public HttpResponse<String> login(String email, String password, String ip) {
    return login(email, password, ip, null);
  }

  public HttpResponse<String> login(String email, String password, String ip, @Nullable String deviceId) {
    Map<String, Object> body = body("tenantId", tenant, "email", email, "password", password);
    if (deviceId != null) {
      body.put("deviceId", deviceId);
    }
    return send(request("/auth/login", null, ip, CHROME).POST(publish(body)));
  }

  /** Logs in from home and returns the token response. */
  public JsonNode loggedIn(String email) {
    HttpResponse<String> response = login(email, PASSWORD, HOME);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  public HttpResponse<String> get(String path, @Nullable String accessToken) {
    return send(request(path, accessToken, HOME, CHROME).GET());
  }

  public HttpResponse<String> post(String path, @Nullable String accessToken, Map<String, ?> body) {
    return post(path, accessToken, body, HOME);
  }

  public HttpResponse<String> post(String path, @Nullable String accessToken, Map<String, ?> body, String ip) {
    return send(request(path, accessToken, ip, CHROME).POST(publish(body)));
  }

  public HttpResponse<String> patch(String path, @Nullable String accessToken) {
    return send(request(path, accessToken, HOME, CHROME).method("PATCH", HttpRequest.BodyPublishers.noBody()));
  }

  public HttpResponse<String> put(String path, @Nullable String accessToken, Map<String, ?> body) {
    return send(request(path, accessToken, HOME, CHROME).PUT(publish(body)));
  }

  public HttpRequest.Builder request(String path, @Nullable String accessToken, String ip, String userAgent) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .header("X-Forwarded-For", ip)
        .header("User-Agent", userAgent);
    if (accessToken != null) {
      builder.header("Authorization", "Bearer " + accessToken);
    }
    return builder;
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts a problem+json answer and returns it. */
  public static JsonNode problem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("type").asText()).isEqualTo("https://vigil.dev/problems/" + type);
    return problem;
  }

  public static Map<String, Object> body(Object... keysAndValues) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      body.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return body;
  }

  private static HttpRequest.BodyPublisher publish(Map<String, ?> body) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
