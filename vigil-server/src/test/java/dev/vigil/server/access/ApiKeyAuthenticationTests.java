package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.ServerTest;
import dev.vigil.server.TestTenant;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Who may call the engine API, and which tenant's data a key reaches. */
@ServerTest
final class ApiKeyAuthenticationTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeyStore store;

  @Autowired
  TransactionTemplate transactions;

  private TestTenant acme;

  @BeforeEach
  void createTenant() {
    acme = TestTenant.create(keys, port);
  }

  @Test
  void refusesARequestWithoutAKeyWithABearerChallenge() throws Exception {
    HttpResponse<String> response = TestTenant.send(jsonPost(event(null)));

    assertUnauthenticated(response);
    assertThat(storedEvents(acme.id())).isZero();
  }

  @Test
  void refusesAKnownKeyIdWithAWrongSecret() throws Exception {
    String forged = ApiKeyFormat.PREFIX + acme.key().keyId() + "_" + ApiKeyFormat.generate().secret();

    assertUnauthenticated(TestTenant.send(jsonPost(event(null)).header("Authorization", "Bearer " + forged)));
  }

  @Test
  void refusesAMalformedKeyAndAnUnknownScheme() throws Exception {
    assertUnauthenticated(TestTenant.send(jsonPost(event(null)).header("Authorization", "Bearer not-a-key")));
    assertUnauthenticated(TestTenant.send(jsonPost(event(null)).header("Authorization", "Basic " + acme.key().key())));
  }

  @Test
  void refusesARevokedKey() throws Exception {
    jdbc.sql("UPDATE api_keys SET revoked_at = now() WHERE id = ?").param(acme.key().keyId()).update();

    assertUnauthenticated(TestTenant.send(acme.request("/api/v1/assess").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(event(null)))));
  }

  @Test
  void acceptsTheKeyInTheApiKeyHeaderAsWell() throws Exception {
    HttpResponse<String> response = TestTenant.send(jsonPost(event(null)).header("X-Api-Key", acme.key().key()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("tenantId").asText()).isEqualTo(acme.id());
  }

  @Test
  void refusesAnEventOfAnotherTenantAsUnknownWithoutTellingWhetherItExists() throws Exception {
    TestTenant other = TestTenant.create(keys, port);

    HttpResponse<String> existing = acme.postJson("/api/v1/assess", event(other.id()));
    HttpResponse<String> nonexistent = acme.postJson("/api/v1/assess", event("t-" + UUID.randomUUID()));

    assertThat(existing.statusCode()).isEqualTo(404);
    assertThat(existing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(existing.body());
    assertThat(problem.path("type").asText()).isEqualTo("https://vigil.dev/problems/unknown-tenant");
    assertThat(existing.body()).doesNotContain(other.id());
    assertThat(nonexistent.statusCode()).isEqualTo(404);
    assertThat(nonexistent.body()).isEqualTo(existing.body());
    assertThat(storedEvents(other.id())).isZero();
  }

  @Test
  void acceptsAnEventThatNamesTheKeysOwnTenant() throws Exception {
    HttpResponse<String> response = acme.postJson("/api/v1/assess", event(acme.id()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(storedEvents(acme.id())).isEqualTo(1);
  }

  @Test
  void storesOnlyTheHashOfTheSecretAndWhenTheKeyWasLastUsed() throws Exception {
    acme.postJson("/api/v1/assess", event(null));

    var row = jdbc.sql("SELECT * FROM api_keys WHERE id = ?").param(acme.key().keyId()).query().singleRow();
    String secret = acme.secret();
    assertThat(row.toString()).doesNotContain(secret);
    assertThat(HexFormat.of().formatHex((byte[]) row.get("secret_sha256")))
        .isEqualTo(HexFormat.of().formatHex(ApiKeyFormat.sha256(secret)));
    assertThat(row.get("tenant_id")).isEqualTo(acme.id());
    assertThat(row.get("last_used_at")).isNotNull();
    assertThat(row.get("revoked_at")).isNull();
  }

  @Test
  void provisionsConfiguredKeysOnceAndAcceptsThem() throws Exception {
    String opsTenant = "t-ops-" + UUID.randomUUID();
    String opsKey = ApiKeyFormat.generate().text();
    var settings = new AccessSettings(false, Path.of("unused"), List.of(opsTenant + ":" + opsKey),
        Duration.ZERO, new AccessSettings.RateLimit(false, 1, Duration.ofSeconds(1), 1));
    var bootstrap = new AccessBootstrap(keys, store, transactions, settings);

    bootstrap.afterSingletonsInstantiated();
    bootstrap.afterSingletonsInstantiated();

    HttpResponse<String> response = TestTenant.send(jsonPost(event(null)).header("X-Api-Key", opsKey));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("tenantId").asText()).isEqualTo(opsTenant);
    assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE tenant_id = ?").param(opsTenant).query(Long.class)
        .single()).isEqualTo(1);
  }

  @Test
  void refusesAConfiguredKeyThatIsNotAVigilKey() {
    var settings = new AccessSettings(false, Path.of("unused"), List.of("ops:sk_live_123"),
        Duration.ZERO, new AccessSettings.RateLimit(false, 1, Duration.ofSeconds(1), 1));

    assertThatThrownBy(() -> new AccessBootstrap(keys, store, transactions, settings).afterSingletonsInstantiated())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ops")
        .hasMessageNotContaining("sk_live_123");
  }

  @Test
  void leavesPathsOutsideTheEngineApiToOtherChains() throws Exception {
    HttpResponse<String> health = TestTenant.send(HttpRequest.newBuilder(acme.uri("/actuator/health")).GET());

    assertThat(health.statusCode()).isEqualTo(200);
  }

  private void assertUnauthenticated(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWith("Bearer"));
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(401);
    assertThat(problem.path("type").asText()).isEqualTo("https://vigil.dev/problems/unauthenticated");
    assertThat(problem.path("detail").asText()).isNotBlank();
  }

  private HttpRequest.Builder jsonPost(String json) {
    return HttpRequest.newBuilder(acme.uri("/api/v1/assess")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private static String event(String tenantOrNull) {
    String tenant = tenantOrNull == null ? "" : "\"tenantId\":\"" + tenantOrNull + "\",";
    return """
        {%s"eventId":"e-%s","userId":"alice","timestamp":"2026-11-01T08:00:00Z","outcome":"SUCCESS",
         "ip":"192.0.2.1"}""".formatted(tenant, UUID.randomUUID());
  }

  private long storedEvents(String tenant) {
    return jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ?").param(tenant).query(Long.class)
        .single();
  }
}
