package dev.vigil.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.ServerTest;
import dev.vigil.server.TestTenant;
import dev.vigil.server.access.ApiKeys;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every file of {@code src/test/resources/hostile/} (malformed JSON, deep nesting, huge numbers, wrong types, NUL
 * characters, unicode tricks, injection strings, giant strings, bad addresses and timestamps, wrong media types)
 * is refused with a 4xx problem that says why — never a 5xx — and stores nothing. A file's extension picks the
 * Content-Type it is sent with ({@link #CONTENT_TYPES}).
 */
@ServerTest
final class HostilePayloadTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The engine API's single-event endpoint; the batch endpoint has its own test below. */
  private static final List<String> ENDPOINTS = List.of("/api/v1/assess");
  /**
   * Hostile to the single-event endpoint only: an array of events is what a batch is, and a body over 64 KiB whose
   * long strings are cut at 512 characters is a valid batch element.
   */
  private static final java.util.Set<String> VALID_AS_BATCH = java.util.Set.of(
      "not-object-array-of-events.json", "giant-string-over-body-limit.json");
  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "json", "application/json",
      "txt", "text/plain; charset=UTF-8",
      "xml", "application/xml",
      "form", "application/x-www-form-urlencoded",
      "bin", "application/octet-stream",
      "badcharset", "application/json; charset=no-such-charset",
      "none", "");

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  @Autowired
  JdbcClient jdbc;

  private TestTenant tenant;

  @BeforeEach
  void createTenant() {
    tenant = TestTenant.create(keys, port);
  }

  static Stream<Path> corpus() throws IOException, URISyntaxException {
    Path dir = Path.of(Objects.requireNonNull(HostilePayloadTests.class.getResource("/hostile")).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList().stream();
    }
  }

  @Test
  void corpusCoversAtLeastFortyCases() throws Exception {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void refusesWithAProblemThatSaysWhyAndStoresNothing(Path file) throws Exception {
    byte[] body = Files.readAllBytes(file);
    String contentType = contentTypeOf(file);
    for (String endpoint : ENDPOINTS) {
      HttpRequest.Builder request = tenant.request(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (!contentType.isEmpty()) {
        request.header("Content-Type", contentType);
      }

      HttpResponse<String> response = TestTenant.send(request);

      assertThat(response.statusCode()).as("%s to %s: %s", file.getFileName(), endpoint, response.body())
          .isBetween(400, 499);
      assertThat(response.headers().firstValue("Content-Type")).as(file.getFileName().toString())
          .hasValue("application/problem+json");
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
      assertThat(problem.path("detail").asText()).as(file.getFileName().toString()).isNotBlank();
    }
    assertThat(jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ?").param(tenant.id())
        .query(Long.class).single()).isZero();
  }

  /**
   * The batch endpoint takes each corpus file as a whole body and, for JSON files, as the one element of an array:
   * either the batch is refused with a 4xx problem, or it is answered 200 with that element marked invalid, its
   * field named. Never a 5xx, and nothing stored.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void batchIngestRefusesOrMarksInvalidEveryHostileElementAndStoresNothing(Path file) throws Exception {
    if (VALID_AS_BATCH.contains(file.getFileName().toString())) {
      return;
    }
    byte[] body = Files.readAllBytes(file);
    String contentType = contentTypeOf(file);
    List<byte[]> bodies = new java.util.ArrayList<>(List.of(body));
    if (contentType.startsWith("application/json")) {
      byte[] wrapped = new byte[body.length + 2];
      wrapped[0] = '[';
      System.arraycopy(body, 0, wrapped, 1, body.length);
      wrapped[wrapped.length - 1] = ']';
      bodies.add(wrapped);
    }
    for (byte[] batch : bodies) {
      HttpRequest.Builder request = tenant.request("/api/v1/events").POST(HttpRequest.BodyPublishers.ofByteArray(batch));
      if (!contentType.isEmpty()) {
        request.header("Content-Type", contentType);
      }

      HttpResponse<String> response = TestTenant.send(request);

      String what = file.getFileName() + (batch == body ? "" : " in an array") + ": " + response.body();
      if (response.statusCode() == 200) {
        JsonNode results = JSON.readTree(response.body());
        assertThat(results.isArray()).as(what).isTrue();
        for (JsonNode result : results) {
          assertThat(result.path("status").asText()).as(what).isEqualTo("invalid");
          assertThat(result.path("error").path("field").asText()).as(what).isNotBlank();
        }
      } else {
        assertThat(response.statusCode()).as(what).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
      }
    }
    assertThat(jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ?").param(tenant.id())
        .query(Long.class).single()).isZero();
  }

  /**
   * The login endpoint takes the same corpus as its body: whatever it is (malformed, nested, wrong types, NULs, a
   * login-shaped body without email or password), the answer is a 4xx problem — never a 5xx, never tokens.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void loginRefusesEveryHostileBodyWithAProblem(Path file) throws Exception {
    String contentType = contentTypeOf(file);
    HttpRequest.Builder request = HttpRequest.newBuilder(tenant.uri("/auth/login"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file)));
    if (!contentType.isEmpty()) {
      request.header("Content-Type", contentType);
    }

    HttpResponse<String> response = TestTenant.send(request);

    assertThat(response.statusCode()).as("%s: %s", file.getFileName(), response.body()).isBetween(400, 499);
    assertThat(response.headers().firstValue("Content-Type")).as(file.getFileName().toString())
        .hasValue("application/problem+json");
    assertThat(response.body()).doesNotContain("access_token");
  }

  /** Injection strings in fields that allow any text are data: assessed, stored and answered verbatim. */
  @Test
  void treatsInjectionStringsInFreeTextFieldsAsPlainData() throws Exception {
    String user = "x'); DROP TABLE login_events; -- <script>alert(1)</script> ${jndi:ldap://e/a}";

    HttpResponse<String> response = tenant.postJson("/api/v1/assess", """
        {"eventId":"e-inject","userId":%s,"timestamp":"2026-11-01T08:00:00Z","outcome":"SUCCESS",
         "ip":"192.0.2.1","authMethod":"' OR 1=1 --"}""".formatted(JSON.writeValueAsString(user)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("userId").asText()).isEqualTo(user);
    assertThat(jdbc.sql("SELECT user_id FROM login_events WHERE tenant_id = ? AND event_id = 'e-inject'")
        .param(tenant.id()).query(String.class).single()).isEqualTo(user);
  }

  private static String contentTypeOf(Path file) {
    String name = file.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.') + 1);
    String type = CONTENT_TYPES.get(extension);
    if (type == null) {
      throw new IllegalArgumentException("no Content-Type for corpus file " + name + "; add its extension");
    }
    return type;
  }
}
