package dev.vigil.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.ServerTest;
import dev.vigil.server.TestTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The engine API describes itself, without a key, at {@code /v3/api-docs} and {@code /swagger-ui.html}. */
@ServerTest
final class OpenApiDocsTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Test
  void documentsEveryEndpointWithHowItIsAuthenticated() throws Exception {
    HttpResponse<String> response = TestTenant.send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode docs = JSON.readTree(response.body());
    List<String> paths = new ArrayList<>();
    docs.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).contains("/api/v1/assess", "/api/v1/events", "/api/v1/users/{userId}/risk", "/auth/login",
        "/auth/refresh", "/auth/login-history", "/security/alerts", "/admin/stats",
        "/internal/risk/login/incidents", "/internal/risk/login/incidents/{id}/rollback");
    assertThat(docs.path("paths").path("/auth/login").path("post").path("security").isEmpty()).isTrue();
    assertThat(docs.path("paths").path("/security/alerts").path("get").path("security").toString())
        .contains("accessToken");
    assertThat(docs.path("paths").path("/api/v1/assess").path("post").has("security")).isFalse();
    assertThat(docs.path("paths").path("/api/v1/assess").has("post")).isTrue();
    assertThat(docs.path("paths").path("/api/v1/assess").path("post").path("responses").has("429")).isTrue();
    assertThat(docs.path("paths").path("/api/v1/users/{userId}/risk").has("get")).isTrue();
    JsonNode schemes = docs.path("components").path("securitySchemes");
    assertThat(schemes.path("apiKeyBearer").path("scheme").asText()).isEqualTo("bearer");
    assertThat(schemes.path("apiKeyHeader").path("name").asText()).isEqualTo("X-Api-Key");
    assertThat(docs.path("security").toString()).contains("apiKeyBearer", "apiKeyHeader");
  }

  @Test
  void servesSwaggerUi() throws Exception {
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    HttpResponse<String> response = following.send(HttpRequest.newBuilder(uri("/swagger-ui.html")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).containsIgnoringCase("swagger-ui");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
