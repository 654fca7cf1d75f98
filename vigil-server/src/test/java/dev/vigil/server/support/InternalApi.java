package dev.vigil.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.access.ApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tests' one way into the internal, admin and engine APIs of one tenant, with the credential each needs, all
 * obtained the way an operator would: an API key for {@code /api/**}; for {@code /admin/**} the access token of an
 * administrator (registered through the login service, then made ADMIN in SQL — the operator's step for a tenant
 * without an administrator yet); for {@code /internal/**} the access token of an analyst, registered through the
 * login service and promoted by that administrator with {@code PUT /admin/users/{id}/role}. Credentials are
 * created on first use, so a test that never calls an API creates no accounts.
 */
public final class InternalApi {
  public static final ObjectMapper JSON = new ObjectMapper();
  /** Every account these tests register has this password. */
  public static final String PASSWORD = "a test account's passphrase";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;
  private final String base;
  private final String tenant;
  private final ApiKeys keys;
  private final JdbcClient jdbc;
  private String apiKey;
  private Account admin;
  private Account analyst;

  public InternalApi(int port, String tenant, ApiKeys keys, JdbcClient jdbc) {
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
    this.tenant = tenant;
    this.keys = keys;
    this.jdbc = jdbc;
  }

  public String tenant() {
    return tenant;
  }

  /** The same API as another tenant's analyst and administrator (isolation tests). */
  public InternalApi as(String otherTenant) {
    return new InternalApi(port, otherTenant, keys, jdbc);
  }

  /** The analyst's account id: the actor the audit log names for their requests. */
  public synchronized String analystId() {
    return analyst().id();
  }

  /** The analyst's access token. */
  public synchronized String analystToken() {
    return analyst().accessToken();
  }

  /** The administrator's access token. */
  public synchronized String adminToken() {
    return admin().accessToken();
  }

  private synchronized HttpRequest.Builder identify(String path, HttpRequest.Builder request) {
    if (path.startsWith("/api/")) {
      if (apiKey == null) {
        apiKey = keys.issue(tenant, "test").key();
      }
      return request.header("Authorization", "Bearer " + apiKey);
    }
    if (path.startsWith("/admin/")) {
      return request.header("Authorization", "Bearer " + admin().accessToken());
    }
    return request.header("Authorization", "Bearer " + analyst().accessToken());
  }

  private Account admin() {
    if (admin == null) {
      String email = "admin-" + UUID.randomUUID() + "@example.test";
      String id = register(email);
      jdbc.sql("UPDATE users SET role = 'ADMIN' WHERE id = ?::uuid AND tenant_id = ?").param(id).param(tenant)
          .update();
      admin = login(id, email);
    }
    return admin;
  }

  private Account analyst() {
    if (analyst == null) {
      String email = "analyst-" + UUID.randomUUID() + "@example.test";
      String id = register(email);
      Answer promoted = send(HttpRequest.newBuilder(URI.create(base + "/admin/users/" + id + "/role"))
          .header("Authorization", "Bearer " + admin().accessToken())
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"ANALYST\"}")));
      if (promoted.status() != 204) {
        throw new IllegalStateException("promoting the analyst answered " + promoted);
      }
      analyst = login(id, email);
    }
    return analyst;
  }

  /** Registers a USER of this tenant through the login service; returns the account id. */
  public String registered(String email) {
    return register(email);
  }

  /** Logs a user of this tenant in through the login service; returns the token response. */
  public JsonNode loggedIn(String email) {
    Answer tokens = postAnonymously("/auth/login", """
        {"tenantId":"%s","email":"%s","password":"%s"}""".formatted(tenant, email, PASSWORD));
    if (tokens.status() != 200) {
      throw new IllegalStateException("logging in answered " + tokens);
    }
    return tokens.json();
  }

  /**
   * A login through the login service from a given client: address (sent as {@code X-Forwarded-For}, which the
   * server must be told to trust), user agent and device id. Returns the answer, whatever it is.
   */
  public Answer login(String email, String password, String ip, String userAgent, String deviceId) {
    return send(HttpRequest.newBuilder(URI.create(base + "/auth/login"))
        .header("Content-Type", "application/json")
        .header("X-Forwarded-For", ip)
        .header("User-Agent", userAgent)
        .header("X-Device-Id", deviceId)
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"tenantId":"%s","email":"%s","password":"%s"}""".formatted(tenant, email, password))));
  }

  private String register(String email) {
    Answer registered = postAnonymously("/auth/register", """
        {"tenantId":"%s","email":"%s","password":"%s"}""".formatted(tenant, email, PASSWORD));
    if (registered.status() != 201) {
      throw new IllegalStateException("registering answered " + registered);
    }
    return registered.json().path("id").asText();
  }

  private Account login(String id, String email) {
    return new Account(id, loggedIn(email).path("access_token").asText());
  }

  public Answer get(String path) {
    return send(identify(path, HttpRequest.newBuilder(URI.create(base + path))).GET());
  }

  public Answer post(String path, String json) {
    return send(identify(path, HttpRequest.newBuilder(URI.create(base + path)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Answer put(String path, String json) {
    return send(identify(path, HttpRequest.newBuilder(URI.create(base + path)))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A GET with extra request headers (name, value, …), e.g. to try naming another tenant. */
  public Answer get(String path, String... headers) {
    return send(identify(path, HttpRequest.newBuilder(URI.create(base + path))).headers(headers).GET());
  }

  /** A request with this bearer token instead of the API's own credential. */
  public Answer getWith(String token, String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET());
  }

  /** A request without any credential (to test that one is required). */
  public Answer getAnonymously(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A POST without any credential (the login service's public routes). */
  public Answer postAnonymously(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
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

  private record Account(String id, String accessToken) {}

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
