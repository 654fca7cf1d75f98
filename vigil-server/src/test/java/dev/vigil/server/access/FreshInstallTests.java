package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.TestTenant;
import dev.vigil.server.VigilServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A first start on an empty database (always a fresh embedded PostgreSQL, whatever {@code VIGIL_TEST_JDBC_URL}
 * says: "no tenant yet" cannot be arranged on a shared one), configured with a tiny rate limit.
 */
@SpringBootTest(classes = VigilServer.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=",
    "vigil.embedded-db.dir=target/embedded-postgres/${random.uuid}",
    "vigil.embedded-db.ephemeral=true",
    "vigil.privacy.hmac-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==",
    "vigil.access.demo-key-file=" + FreshInstallTests.KEY_FILE,
    "vigil.access.rate-limit.requests=1",
    "vigil.access.rate-limit.period=PT1H",
    "vigil.access.rate-limit.burst=3"})
final class FreshInstallTests {
  static final String KEY_FILE = "target/fresh-install/data/demo-api-key";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  @Test
  void createsTheDemoTenantAndWritesItsKeyOwnerOnly() throws Exception {
    Path file = Path.of(KEY_FILE);
    String key = Files.readString(file).strip();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(key).matches("vgl_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    HttpResponse<String> response = assess(key);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("tenantId").asText()).isEqualTo("demo");
  }

  @Test
  void throttlesAKeyBeyondItsBurstWithRetryAfterAndLeavesOtherKeysAlone() throws Exception {
    String busy = keys.issue("busy", null).key();
    String quiet = keys.issue("quiet", null).key();

    for (int i = 0; i < 3; i++) {
      assertThat(assess(busy).statusCode()).as("request %d of the burst", i + 1).isEqualTo(200);
    }
    HttpResponse<String> throttled = assess(busy);

    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 3600L);
    JsonNode problem = JSON.readTree(throttled.body());
    assertThat(problem.path("type").asText()).isEqualTo("https://vigil.dev/problems/rate-limited");
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(assess(quiet).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> assess(String key) throws Exception {
    return TestTenant.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/assess"))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"userId":"alice","timestamp":"2026-11-01T08:00:00Z","outcome":"SUCCESS","ip":"192.0.2.1"}""")));
  }
}
