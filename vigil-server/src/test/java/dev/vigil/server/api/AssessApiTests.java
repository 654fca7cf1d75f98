package dev.vigil.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.ServerTest;
import dev.vigil.server.TestTenant;
import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.enforce.BlockList;
import dev.vigil.server.privacy.IpHasher;
import dev.vigil.server.support.Blocks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine API end to end: real HTTP on a random port, real PostgreSQL — embedded by default, the server at
 * {@code VIGIL_TEST_JDBC_URL} when that is set. Every test uses its own tenant and API key, so runs never see
 * each other's rows even on a shared database.
 */
@ServerTest
final class AssessApiTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys keys;

  @Autowired
  IpHasher hasher;

  @Autowired
  BlockList blockList;

  private TestTenant caller;
  private String tenant;

  @BeforeEach
  void createTenant() {
    caller = TestTenant.create(keys, port);
    tenant = caller.id();
  }

  @Test
  void assessesALoginAndStoresTheEventAndItsAssessment() throws Exception {
    HttpResponse<String> response = post(aliceLogin("e-1", "81.2.69.160"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode assessment = JSON.readTree(response.body());
    assertThat(assessment.path("eventId").asText()).isEqualTo("e-1");
    assertThat(assessment.path("tenantId").asText()).isEqualTo(tenant);
    assertThat(assessment.path("score").asInt(-1)).isBetween(0, 100);
    assertThat(assessment.path("decision").asText()).isIn("ALLOW", "CHALLENGE", "DENY");
    assertThat(assessment.path("signals").isArray()).isTrue();

    var row = jdbc.sql("SELECT user_id, ip_hmac, ip_masked, user_agent_display, user_agent_hmac FROM login_events "
            + "WHERE tenant_id = ? AND event_id = 'e-1'")
        .param(tenant)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5)})
        .single();
    assertThat(row[0]).isEqualTo("alice");
    assertThat(row[1]).hasSize(64).matches("[0-9a-f]+");
    assertThat(row[2]).isEqualTo("81.2.69.xxx");
    assertThat(row[3]).isEqualTo("Chrome 142 on Windows");
    assertThat(row[4]).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(row[1]);
    assertThat(storedAssessmentOf("e-1")).isEqualTo(response.body());
  }

  @Test
  void keepsTheRawAddressAndUserAgentOnlyInTheRawEventThatRetentionRemoves() throws Exception {
    post(aliceLogin("e-raw", "81.2.69.160"));

    String pseudonymised = jdbc.sql("SELECT (to_jsonb(e) - 'raw_event')::text || a::text FROM login_events e "
            + "JOIN assessments a USING (tenant_id, event_id) WHERE tenant_id = ?")
        .param(tenant)
        .query(String.class)
        .single();
    assertThat(pseudonymised).contains("81.2.69.xxx").doesNotContain("81.2.69.160")
        .contains("Chrome 142 on Windows").doesNotContain("AppleWebKit");
    String raw = jdbc.sql("SELECT raw_event FROM login_events WHERE tenant_id = ? AND event_id = 'e-raw'")
        .param(tenant)
        .query(String.class)
        .single();
    assertThat(JSON.readTree(raw).path("ip").asText()).isEqualTo("81.2.69.160");
    assertThat(JSON.readTree(raw).path("userAgent").asText()).isEqualTo(CHROME_ON_WINDOWS);
  }

  @Test
  void raisesOneAlertForARiskyLoginAndOneForABurstOfFailures() throws Exception {
    for (int day = 1; day <= 12; day++) {
      post(login("home-" + day, "2026-10-%02dT09:00:00Z".formatted(day), "SUCCESS", "81.2.69.160", CHROME_ON_WINDOWS));
    }
    assertThat(alertsOf("alice")).isEmpty();

    post(login("away", "2026-10-20T09:00:00Z", "SUCCESS", "203.0.113.9", "curl/8.5.0"));
    for (int i = 0; i < 8; i++) {
      post(login("fail-" + i, "2026-10-21T09:00:%02dZ".formatted(i), "FAILURE", "198.51.100.7", "curl/8.5.0"));
    }

    var alerts = alertsOf("alice");
    assertThat(alerts).contains("away");
    assertThat(alerts.stream().filter(e -> e.startsWith("fail-")).count())
        .as("one alert per burst window, not one per failure").isEqualTo(1);
  }

  private java.util.List<String> alertsOf(String user) {
    return jdbc.sql("SELECT event_id FROM security_alerts WHERE tenant_id = ? AND user_id = ? ORDER BY id")
        .param(tenant)
        .param(user)
        .query(String.class)
        .list();
  }

  @Test
  void aConfirmedChallengeTeachesTheProfileSoTheOwnersNextLoginFromThereIsAllowed() throws Exception {
    homeLogins();
    assertThat(decisionOf(post(laptopAbroad("abroad-1", "2026-10-15T09:00:00Z")))).isEqualTo("CHALLENGE");

    HttpResponse<String> confirmed = confirm(caller, "abroad-1");

    assertThat(confirmed.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(confirmed.body());
    assertThat(answer.path("eventId").asText()).isEqualTo("abroad-1");
    assertThat(answer.path("confirmed").asBoolean()).isTrue();
    assertThat(decisionOf(post(laptopAbroad("abroad-2", "2026-10-15T10:00:00Z"))))
        .as("the laptop and the place abroad are the owner's now").isEqualTo("ALLOW");
  }

  @Test
  void withoutAConfirmationTheOwnerIsChallengedAgainFromTheSamePlace() throws Exception {
    homeLogins();
    post(laptopAbroad("abroad-1", "2026-10-15T09:00:00Z"));

    assertThat(decisionOf(post(laptopAbroad("abroad-2", "2026-10-15T10:00:00Z")))).isEqualTo("CHALLENGE");
  }

  @Test
  void aLoginIsConfirmedOnceAndOnlyIfItWasChallenged() throws Exception {
    homeLogins();
    post(laptopAbroad("abroad-1", "2026-10-15T09:00:00Z"));

    assertThat(confirm(caller, "abroad-1").statusCode()).isEqualTo(200);
    HttpResponse<String> again = confirm(caller, "abroad-1");
    HttpResponse<String> allowed = confirm(caller, "home-3");
    HttpResponse<String> unknown = confirm(caller, "never-seen");

    for (HttpResponse<String> response : List.of(again, allowed, unknown)) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(JSON.readTree(response.body()).path("type").asText()).endsWith("challenge-not-pending");
    }
  }

  @Test
  void anotherTenantCannotConfirmThisTenantsChallengeAndIsToldItDoesNotExist() throws Exception {
    homeLogins();
    post(laptopAbroad("abroad-1", "2026-10-15T09:00:00Z"));
    TestTenant other = TestTenant.create(keys, port);

    HttpResponse<String> foreign = confirm(other, "abroad-1");
    HttpResponse<String> missing = confirm(other, "never-seen");

    assertThat(foreign.statusCode()).isEqualTo(404);
    JsonNode foreignProblem = JSON.readTree(foreign.body());
    JsonNode missingProblem = JSON.readTree(missing.body());
    assertThat(foreignProblem.path("type")).isEqualTo(missingProblem.path("type"));
    assertThat(foreignProblem.path("detail")).isEqualTo(missingProblem.path("detail"));
    assertThat(confirm(caller, "abroad-1").statusCode()).as("still waiting for its own tenant").isEqualTo(200);
  }

  private void homeLogins() throws Exception {
    for (int day = 1; day <= 12; day++) {
      post(located("home-" + day, "2026-10-%02dT09:00:00Z".formatted(day), "84.10.20." + day, "d-home",
          "\"country\":\"DE\",\"city\":\"Berlin\",\"lat\":52.52,\"lon\":13.40,\"asn\":3320,"
              + "\"asOrg\":\"Deutsche Telekom AG\""));
    }
  }

  private String laptopAbroad(String eventId, String timestamp) {
    return located(eventId, timestamp, "177.40.1.9", "d-laptop",
        "\"country\":\"BR\",\"city\":\"Sao Paulo\",\"lat\":-23.55,\"lon\":-46.63,\"asn\":4230,"
            + "\"asOrg\":\"Claro S.A.\"");
  }

  private String located(String eventId, String timestamp, String ip, String deviceId, String geo) {
    return """
        {"eventId":"%s","tenantId":"%s","userId":"alice","timestamp":"%s","outcome":"SUCCESS","ip":"%s",
         "userAgent":"%s","deviceId":"%s","geo":{%s}}
        """.formatted(eventId, tenant, timestamp, ip, CHROME_ON_WINDOWS, deviceId, geo);
  }

  private static String decisionOf(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("decision").asText();
  }

  private static HttpResponse<String> confirm(TestTenant as, String eventId) throws Exception {
    return TestTenant.send(as.request("/api/v1/assessments/" + eventId + "/confirm")
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void answersARepeatedEventIdWithTheFirstAssessmentAndStoresItOnce() throws Exception {
    String first = post(aliceLogin("e-twice", "81.2.69.160")).body();
    // Same id, different content: the first verdict stands, the engine is not asked again.
    HttpResponse<String> second = post(aliceLogin("e-twice", "203.0.113.9"));

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first);
    assertThat(countRows("login_events")).isEqualTo(1);
    assertThat(countRows("assessments")).isEqualTo(1);
  }

  @Test
  void answersAnEventStoredBeforeARestartFromTheTableWithoutAssessingAgain() throws Exception {
    // As if a previous process had stored it: this engine has never seen the event.
    String stored = "{\"eventId\":\"e-old\",\"tenantId\":\"" + tenant + "\",\"userId\":\"alice\","
        + "\"timestamp\":\"2026-11-01T08:00:00Z\",\"outcome\":\"SUCCESS\",\"score\":42,\"level\":\"MEDIUM\","
        + "\"decision\":\"ALLOW\",\"signals\":[],\"incidentId\":null,\"actions\":[],\"mode\":\"ENFORCE\","
        + "\"modelVersion\":\"2026.11-1\",\"latencyMicros\":5}";
    jdbc.sql("""
            INSERT INTO login_events (tenant_id, event_id, user_id, occurred_at, outcome, ip_hmac, ip_masked,
                                      device_present, received_at)
            VALUES (?, 'e-old', 'alice', now(), 'SUCCESS', repeat('0', 64), '81.2.69.xxx', false, now())""")
        .param(tenant).update();
    jdbc.sql("INSERT INTO assessments VALUES (?, 'e-old', 42, 'ALLOW', CAST(? AS json), now())")
        .param(tenant).param(stored).update();

    HttpResponse<String> response = post(aliceLogin("e-old", "81.2.69.160"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(stored);
  }

  @Test
  void answersConcurrentRequestsWithTheSameEventIdWithOneAssessmentStoredOnce() throws Exception {
    String body = aliceLogin("e-race", "81.2.69.160");
    List<Callable<HttpResponse<String>>> requests = Collections.nCopies(12, () -> post(body));
    List<HttpResponse<String>> responses = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(12)) {
      for (Future<HttpResponse<String>> response : threads.invokeAll(requests)) {
        responses.add(response.get());
      }
    }

    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(responses.stream().map(HttpResponse::body).distinct()).hasSize(1);
    assertThat(countRows("login_events")).isEqualTo(1);
    assertThat(storedAssessmentOf("e-race")).isEqualTo(responses.getFirst().body());
  }

  @Test
  void answersServiceUnavailableWithRetryAfterWhenTheDatabaseRefusesTheLoginAndKeepsServingOthers()
      throws Exception {
    String poisoned = "poison-" + UUID.randomUUID();
    jdbc.sql("""
        CREATE OR REPLACE FUNCTION vigil_test_refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.tenant_id LIKE 'poison-%' THEN RAISE EXCEPTION 'refused by the test'; END IF;
          RETURN NEW;
        END $$""").update();
    jdbc.sql("""
        CREATE TRIGGER vigil_test_refuse_poison BEFORE INSERT ON login_events
        FOR EACH ROW EXECUTE FUNCTION vigil_test_refuse_poison()""").update();
    HttpResponse<String> refused;
    try {
      refused = postAs(poisoned, aliceLogin("e-poison", "81.2.69.160").replace(tenant, poisoned));
    } finally {
      jdbc.sql("DROP TRIGGER IF EXISTS vigil_test_refuse_poison ON login_events").update();
      jdbc.sql("DROP FUNCTION IF EXISTS vigil_test_refuse_poison()").update();
    }

    assertProblem(refused, 503, "https://vigil.dev/problems/store-unavailable");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(post(aliceLogin("e-after-poison", "81.2.69.160")).statusCode()).isEqualTo(200);
    // The engine remembers the refused event: sent again, it is stored with the verdict it got the first time.
    HttpResponse<String> retried = postAs(poisoned, aliceLogin("e-poison", "81.2.69.160").replace(tenant, poisoned));
    assertThat(retried.statusCode()).isEqualTo(200);
  }

  @Test
  void deniesAnAddressOnTheConfiguredBlocklist() throws Exception {
    HttpResponse<String> response = post(aliceLogin("e-blocked", "198.18.0.7"));

    JsonNode assessment = JSON.readTree(response.body());
    assertThat(assessment.path("decision").asText()).isEqualTo("DENY");
    assertThat(assessment.path("signals").findValuesAsText("type")).contains("BLOCKLISTED_IP");
  }

  @Test
  void appliesTheTenantSettingsOfTheConfiguredSettingsFile() throws Exception {
    HttpResponse<String> monitored = postAs("settings-file-monitored",
        aliceLogin("e-" + UUID.randomUUID(), "81.2.69.160").replace(tenant, "settings-file-monitored"));
    HttpResponse<String> enforced = post(aliceLogin("e-enforced", "81.2.69.160"));

    assertThat(JSON.readTree(monitored.body()).path("mode").asText()).isEqualTo("MONITOR");
    assertThat(JSON.readTree(enforced.body()).path("mode").asText()).isEqualTo("ENFORCE");
  }

  @Test
  void refusesANulCharacterThatTheDatabaseCouldNeverStoreAsAnInvalidField() throws Exception {
    HttpResponse<String> response = post(aliceLogin("e-nul", "81.2.69.160").replace("\"alice\"", "\"al\\u0000ice\""));

    JsonNode problem = assertProblem(response, 400, "https://vigil.dev/problems/invalid-event");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("userId");
  }

  @Test
  void givesTheApiKeysTenantToEventsThatNameNone() throws Exception {
    String eventId = "e-" + UUID.randomUUID();
    HttpResponse<String> response = post("""
        {"eventId":"%s","userId":"bob","timestamp":"2026-11-01T08:00:00Z","outcome":"SUCCESS","ip":"192.0.2.1"}
        """.formatted(eventId));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("tenantId").asText()).isEqualTo(tenant);
    assertThat(countRows("login_events")).isEqualTo(1);
  }

  @Test
  void refusesAnUnparsableAddressNamingTheIpField() throws Exception {
    HttpResponse<String> response = post(aliceLogin("e-bad-ip", "999.1.1.1"));

    JsonNode problem = assertProblem(response, 400, "https://vigil.dev/problems/invalid-event");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("ip");
    assertThat(problem.path("errors").get(0).path("message").asText()).isNotBlank();
    assertThat(countRows("login_events")).isZero();
  }

  @Test
  void refusesAnEventWithoutUserIdNamingTheField() throws Exception {
    HttpResponse<String> response = post("""
        {"eventId":"e-anon","tenantId":"%s","timestamp":"2026-11-01T08:00:00Z","outcome":"SUCCESS","ip":"192.0.2.1"}
        """.formatted(tenant));

    JsonNode problem = assertProblem(response, 400, "https://vigil.dev/problems/invalid-event");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("userId");
  }

  @Test
  void refusesMalformedJsonAsAProblem() throws Exception {
    HttpResponse<String> response = post("{\"eventId\": \"e-1\", \"userId\": ");

    JsonNode problem = assertProblem(response, 400, "https://vigil.dev/problems/malformed-event");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("$");
  }

  @Test
  void refusesABodyThatIsNotJsonByItsMediaType() throws Exception {
    HttpResponse<String> response = send(caller.request("/api/v1/assess")
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(aliceLogin("e-text", "81.2.69.160"))));

    assertProblem(response, 415, null);
  }

  @Test
  void refusesABodyOverSixtyFourKibibytes() throws Exception {
    String padded = aliceLogin("e-big", "81.2.69.160").replace("}", ",\"pad\":\"" + "x".repeat(70_000) + "\"}");

    assertProblem(post(padded), 413, "https://vigil.dev/problems/body-too-large");
  }

  @Test
  void refusesAnOversizedBodySentWithoutALength() throws Exception {
    byte[] big = ("{\"pad\":\"" + "x".repeat(70_000) + "\"}").getBytes();
    HttpResponse<String> response = send(caller.request("/api/v1/assess")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

    assertProblem(response, 413, "https://vigil.dev/problems/body-too-large");
  }

  @Test
  void answersAnUnknownPathWithNotFoundRatherThanAnInternalError() throws Exception {
    HttpResponse<String> response = caller.get("/api/v1/nothing-here");

    assertProblem(response, 404, null);
  }

  @Test
  void reportsHealthUpIncludingTheDatabase() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = JSON.readTree(response.body());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
  }

  private JsonNode assertProblem(HttpResponse<String> response, int status, String type) throws IOException {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotBlank();
    if (type != null) {
      assertThat(problem.path("type").asText()).isEqualTo(type);
    }
    return problem;
  }

  @Test
  void aLoginFromABlockedSourceIsAssessedAndStoredButItsAnswerSaysBlocked() throws Exception {
    new Blocks(jdbc, hasher, blockList).address(tenant, "81.2.69.99");

    HttpResponse<String> blocked = post(aliceLogin("e-blocked", "81.2.69.99"));
    HttpResponse<String> other = post(aliceLogin("e-other", "81.2.69.160"));

    assertThat(blocked.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(blocked.body());
    assertThat(answer.path("blocked").asBoolean()).isTrue();
    assertThat(answer.path("eventId").asText()).isEqualTo("e-blocked");
    assertThat(answer.path("decision").asText()).as("the engine's own decision is kept").isNotBlank();
    assertThat(jdbc.sql("SELECT count(*) FROM assessments WHERE tenant_id = ? AND event_id = 'e-blocked'")
        .param(tenant).query(Long.class).single()).as("assessed and stored").isEqualTo(1);
    assertThat(JSON.readTree(other.body()).has("blocked")).as("another address of the tenant").isFalse();
  }

  @Test
  void aBlockOfOneTenantDoesNotMarkAnotherTenantsLogins() throws Exception {
    new Blocks(jdbc, hasher, blockList).address("t-" + UUID.randomUUID(), "81.2.69.99");

    HttpResponse<String> response = post(aliceLogin("e-1", "81.2.69.99"));

    assertThat(JSON.readTree(response.body()).has("blocked")).isFalse();
  }

  private String aliceLogin(String eventId, String ip) {
    return """
        {"eventId":"%s","tenantId":"%s","userId":"alice","timestamp":"2026-11-01T08:15:30Z",
         "outcome":"SUCCESS","ip":"%s","userAgent":"%s"}
        """.formatted(eventId, tenant, ip, CHROME_ON_WINDOWS);
  }

  private String login(String eventId, String timestamp, String outcome, String ip, String userAgent) {
    return """
        {"eventId":"%s","tenantId":"%s","userId":"alice","timestamp":"%s","outcome":"%s",%s"ip":"%s",
         "userAgent":"%s"}
        """.formatted(eventId, tenant, timestamp, outcome,
        outcome.equals("FAILURE") ? "\"failureReason\":\"BAD_PASSWORD\"," : "", ip, userAgent);
  }

  private String storedAssessmentOf(String eventId) {
    return jdbc.sql("SELECT assessment::text FROM assessments WHERE tenant_id = ? AND event_id = ?")
        .param(tenant).param(eventId).query(String.class).single();
  }

  private long countRows(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = ?").param(tenant).query(Long.class)
        .single();
  }

  private HttpResponse<String> post(String json) throws IOException, InterruptedException {
    return send(caller.request("/api/v1/assess")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return TestTenant.send(request);
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Posts as another tenant, with a key of its own (tenants named by the test's settings file or trigger). */
  private HttpResponse<String> postAs(String tenantId, String json) throws Exception {
    return new TestTenant(tenantId, keys.issue(tenantId, "test"), port).postJson("/api/v1/assess", json);
  }

}
