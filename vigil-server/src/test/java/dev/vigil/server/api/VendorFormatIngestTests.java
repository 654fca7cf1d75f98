package dev.vigil.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.ServerTest;
import dev.vigil.server.TestTenant;
import dev.vigil.server.access.ApiKeys;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/v1/events?format=…}: vendor exports and logs through the same pipeline (see {@link ServerTest}). */
@ServerTest
final class VendorFormatIngestTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys keys;

  private TestTenant caller;

  @BeforeEach
  void createTenant() {
    caller = TestTenant.create(keys, port);
  }

  @Test
  void sshdLinesAreAssessedSkippedOrReportedLineByLineForTheKeysTenant() throws Exception {
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(10, ChronoUnit.MINUTES);
    String log = String.join("\n",
        t + " bastion sshd[1]: Accepted publickey for deploy from 81.2.69.160 port 50122 ssh2: ED25519 SHA256:x",
        t.plusSeconds(5) + " bastion sshd[2]: Failed password for invalid user admin from 203.0.113.50 port 4 ssh2",
        t.plusSeconds(6) + " bastion sshd[2]: Connection closed by invalid user admin 203.0.113.50 port 4 [preauth]",
        "",
        "not syslog at all") + "\n";

    HttpResponse<String> response = post("sshd", log, "text/plain");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode results = JSON.readTree(response.body());
    assertThat(results).hasSize(4);
    assertThat(results.get(0).path("status").asText()).isEqualTo("assessed");
    assertThat(results.get(0).path("line").asInt()).isEqualTo(1);
    assertThat(results.get(1).path("status").asText()).isEqualTo("assessed");
    assertThat(results.get(2).path("status").asText()).isEqualTo("skipped");
    assertThat(results.get(2).path("skipped").asText()).isEqualTo("sshd other");
    assertThat(results.get(3).path("status").asText()).isEqualTo("invalid");
    assertThat(results.get(3).path("line").asInt()).isEqualTo(5);
    assertThat(results.get(3).path("error").path("field").asText()).isEqualTo("$");

    assertThat(jdbc.sql("SELECT user_id FROM login_events WHERE tenant_id = ? ORDER BY seq").param(caller.id())
        .query(String.class).list()).containsExactly("deploy", "admin");
    assertThat(jdbc.sql("SELECT failure_reason FROM login_events WHERE tenant_id = ? AND user_id = 'admin'")
        .param(caller.id()).query(String.class).single()).isEqualTo("UNKNOWN_USER");
  }

  @Test
  void keycloakExportBelongsToTheKeysTenantWhateverItsRealmAndRepeatsAreDuplicates() throws Exception {
    long now = Instant.now().minus(1, ChronoUnit.MINUTES).toEpochMilli();
    String export = "[{\"id\":\"kc-1\",\"time\":" + now + ",\"type\":\"LOGIN_ERROR\",\"realmId\":\"someone-else\","
        + "\"ipAddress\":\"198.51.100.4\",\"error\":\"user_not_found\",\"details\":{\"username\":\"mallory\"}},"
        + "{\"id\":\"kc-2\",\"time\":" + now + ",\"type\":\"LOGOUT\",\"realmId\":\"x\",\"ipAddress\":\"198.51.100.4\"}]";

    JsonNode first = JSON.readTree(post("keycloak", export, "application/json").body());
    JsonNode again = JSON.readTree(post("KEYCLOAK", export, "application/json").body());

    assertThat(first.get(0).path("eventId").asText()).isEqualTo("kc-1");
    assertThat(first.get(0).path("status").asText()).isEqualTo("assessed");
    assertThat(first.get(1).path("skipped").asText()).isEqualTo("keycloak logout");
    assertThat(again.get(0).path("status").asText()).isEqualTo("duplicate");
    assertThat(jdbc.sql("SELECT tenant_id FROM login_events WHERE event_id = 'kc-1' AND tenant_id = ?")
        .param(caller.id()).query(String.class).list()).containsExactly(caller.id());
  }

  @Test
  void eventsFromTheFutureAreInvalid() throws Exception {
    String okta = "{\"uuid\":\"o-1\",\"published\":\"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\","
        + "\"eventType\":\"user.session.start\",\"outcome\":{\"result\":\"SUCCESS\"},"
        + "\"actor\":{\"alternateId\":\"a@x\"},\"client\":{\"ipAddress\":\"192.0.2.1\"}}\n";

    JsonNode results = JSON.readTree(post("okta", okta, "application/x-ndjson").body());

    assertThat(results.get(0).path("status").asText()).isEqualTo("invalid");
    assertThat(results.get(0).path("error").path("field").asText()).isEqualTo("published");
  }

  @Test
  void anUnknownFormatIsAProblemListingTheKnownOnes() throws Exception {
    HttpResponse<String> response = post("splunk", "{}", "application/json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("type").asText()).isEqualTo("https://vigil.dev/problems/unknown-format");
    assertThat(problem.path("detail").asText()).contains("keycloak, auth0, okta, cloudtrail, sshd, ocsf");
  }

  @Test
  void anUnknownZoneIsAProblem() throws Exception {
    HttpResponse<String> response = TestTenant.send(caller.request("/api/v1/events?format=sshd&zone=Mars/Olympus")
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x\n")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("detail").asText()).startsWith("zone:");
  }

  private HttpResponse<String> post(String format, String body, String contentType) throws Exception {
    return TestTenant.send(caller.request("/api/v1/events?format=" + format)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
