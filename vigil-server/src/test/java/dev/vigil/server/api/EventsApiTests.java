package dev.vigil.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.ServerTest;
import dev.vigil.server.TestTenant;
import dev.vigil.server.access.ApiKeys;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/v1/events}, batch ingest, end to end (see {@link ServerTest}). */
@ServerTest
final class EventsApiTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys keys;

  private TestTenant caller;
  private String tenant;

  @BeforeEach
  void createTenant() {
    caller = TestTenant.create(keys, port);
    tenant = caller.id();
  }

  @Test
  void storesAJsonArrayAndAnswersEachEventInOrderWithItsDecision() throws Exception {
    String batch = "[" + login("a-1", "bob", 1) + "," + login("a-2", "carol", 2) + "," + login("a-3", "bob", 3) + "]";

    HttpResponse<String> response = post(batch, "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode results = JSON.readTree(response.body());
    assertThat(results).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode result = results.get(i);
      assertThat(result.path("index").asInt()).isEqualTo(i);
      assertThat(result.path("eventId").asText()).isEqualTo("a-" + (i + 1));
      assertThat(result.path("status").asText()).isEqualTo("assessed");
      assertThat(result.path("decision").asText()).isIn("ALLOW", "CHALLENGE", "DENY");
      assertThat(result.path("score").asInt(-1)).isBetween(0, 100);
      assertThat(result.has("error")).isFalse();
    }
    assertThat(storedEventIdsInSeqOrder()).isEqualTo("a-1,a-2,a-3");
    assertThat(countRows("assessments")).isEqualTo(3);
  }

  @Test
  void keepsQuotesAndBackslashesOfTheRawEventIntact() throws Exception {
    String agent = "Agent \\\"quoted\\\" back\\\\slash {brace}, comma";
    String event = login("q-1", "bob", 1).replace("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        agent);

    assertThat(post("[" + event + "]", "application/json").statusCode()).isEqualTo(200);

    String raw = jdbc.sql("SELECT raw_event FROM login_events WHERE tenant_id = ? AND event_id = 'q-1'")
        .param(tenant).query(String.class).single();
    assertThat(JSON.readTree(raw).path("userAgent").asText()).isEqualTo("Agent \"quoted\" back\\slash {brace}, comma");
  }

  @Test
  void reportsAnInvalidJsonLineByItsLineNumberAndStoresTheOthers() throws Exception {
    String lines = login("l-1", "bob", 1) + "\n"
        + "\n"
        + login("l-bad", "bob", 2).replace("\"ip\":\"81.2.69.160\"", "\"ip\":\"999.1.1.1\"") + "\n"
        + "{not json at all\n"
        + login("l-4", "bob", 4) + "\n";

    HttpResponse<String> response = post(lines, "application/x-ndjson");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode results = JSON.readTree(response.body());
    assertThat(results).hasSize(4);
    assertThat(results.get(0).path("status").asText()).isEqualTo("assessed");
    JsonNode badIp = results.get(1);
    assertThat(badIp.path("status").asText()).isEqualTo("invalid");
    assertThat(badIp.path("index").asInt()).isEqualTo(1);
    assertThat(badIp.path("line").asInt()).isEqualTo(3);
    assertThat(badIp.path("eventId").asText()).isEqualTo("l-bad");
    assertThat(badIp.path("error").path("field").asText()).isEqualTo("ip");
    assertThat(badIp.path("error").path("message").asText()).isNotBlank();
    assertThat(badIp.has("decision")).isFalse();
    JsonNode malformed = results.get(2);
    assertThat(malformed.path("line").asInt()).isEqualTo(4);
    assertThat(malformed.path("error").path("field").asText()).isEqualTo("$");
    assertThat(results.get(3).path("status").asText()).isEqualTo("assessed");
    assertThat(results.get(3).path("line").asInt()).isEqualTo(5);
    assertThat(storedEventIdsInSeqOrder()).isEqualTo("l-1,l-4");
  }

  @Test
  void reportsAnEventWithANulCharacterAsInvalidRatherThanFailingItsBatch() throws Exception {
    String nul = login("n-1", "bob", 1).replace("\"userId\":\"bob\"", "\"userId\":\"bo\\u0000b\"");

    HttpResponse<String> response = post("[" + nul + "," + login("n-2", "bob", 2) + "]", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode results = JSON.readTree(response.body());
    assertThat(results.get(0).path("status").asText()).isEqualTo("invalid");
    assertThat(results.get(0).path("error").path("field").asText()).isEqualTo("userId");
    assertThat(results.get(1).path("status").asText()).isEqualTo("assessed");
  }

  @Test
  void reportsAnArrayElementThatIsNotAnObjectAsInvalidWithoutAbortingTheBatch() throws Exception {
    HttpResponse<String> response = post("[42," + login("x-1", "bob", 1) + "]", "application/json");

    JsonNode results = JSON.readTree(response.body());
    assertThat(results.get(0).path("status").asText()).isEqualTo("invalid");
    assertThat(results.get(0).path("error").path("field").asText()).isEqualTo("$");
    assertThat(results.get(1).path("status").asText()).isEqualTo("assessed");
  }

  @Test
  void answersARepeatedEventIdAsDuplicateWithTheFirstDecisionAndStoresItOnce() throws Exception {
    String first = login("d-1", "bob", 1);
    String sameIdOtherContent = login("d-1", "bob", 2).replace("81.2.69.160", "203.0.113.9");

    JsonNode inOneBatch = JSON.readTree(post("[" + first + "," + sameIdOtherContent + "]", "application/json").body());
    JsonNode inALaterBatch = JSON.readTree(post("[" + sameIdOtherContent + "]", "application/json").body());

    assertThat(inOneBatch.get(0).path("status").asText()).isEqualTo("assessed");
    assertThat(inOneBatch.get(1).path("status").asText()).isEqualTo("duplicate");
    assertThat(inALaterBatch.get(0).path("status").asText()).isEqualTo("duplicate");
    for (JsonNode repeat : new JsonNode[] {inOneBatch.get(1), inALaterBatch.get(0)}) {
      assertThat(repeat.path("decision").asText()).isEqualTo(inOneBatch.get(0).path("decision").asText());
      assertThat(repeat.path("score").asInt()).isEqualTo(inOneBatch.get(0).path("score").asInt());
    }
    assertThat(countRows("login_events")).isEqualTo(1);
  }

  @Test
  void raisesOneAlertForABurstOfFailuresSentInOneBatch() throws Exception {
    String failures = IntStream.range(0, 12)
        .mapToObj(i -> login("f-" + i, "dave", 1).replace("09:00:00Z", "09:00:%02dZ".formatted(i))
            .replace("\"outcome\":\"SUCCESS\"", "\"outcome\":\"FAILURE\",\"failureReason\":\"BAD_PASSWORD\""))
        .collect(Collectors.joining(",", "[", "]"));

    assertThat(post(failures, "application/json").statusCode()).isEqualTo(200);

    long burstAlerts = jdbc.sql("""
            SELECT count(*) FROM security_alerts WHERE tenant_id = ? AND 'brute_force' = ANY (signal_types)""")
        .param(tenant).query(Long.class).single();
    assertThat(burstAlerts).as("the burst's failures share one alert").isEqualTo(1);
  }

  @Test
  void refusesMoreThanTenThousandEventsAsTooLargeAndStoresNone() throws Exception {
    String lines = IntStream.range(0, 10_001)
        .mapToObj(i -> "{\"eventId\":\"m-" + i + "\",\"tenantId\":\"" + tenant + "\",\"userId\":\"u\","
            + "\"timestamp\":\"2026-11-01T08:00:00Z\",\"outcome\":\"SUCCESS\",\"ip\":\"192.0.2.1\"}")
        .collect(Collectors.joining("\n"));

    HttpResponse<String> response = post(lines, "application/x-ndjson");

    JsonNode problem = assertProblem(response, 413);
    assertThat(problem.path("type").asText()).isEqualTo("https://vigil.dev/problems/batch-too-large");
    assertThat(countRows("login_events")).isZero();
  }

  @Test
  void refusesABatchOverTheConfiguredByteLimit() throws Exception {
    String padded = "[" + login("big", "bob", 1).replace("}", ",\"pad\":\"" + "x".repeat(4_200_000) + "\"}") + "]";

    JsonNode problem = assertProblem(post(padded, "application/json"), 413);
    assertThat(problem.path("type").asText()).isEqualTo("https://vigil.dev/problems/body-too-large");
  }

  @Test
  void refusesAnArrayThatIsCutOffAsMalformed() throws Exception {
    JsonNode problem = assertProblem(post("[" + login("cut", "bob", 1) + ",{\"eventId\":", "application/json"), 400);

    assertThat(problem.path("type").asText()).isEqualTo("https://vigil.dev/problems/malformed-event");
    assertThat(countRows("login_events")).isZero();
  }

  private JsonNode assertProblem(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    return JSON.readTree(response.body());
  }

  private String login(String eventId, String user, int day) {
    return """
        {"eventId":"%s","tenantId":"%s","userId":"%s","timestamp":"2026-10-%02dT09:00:00Z","outcome":"SUCCESS",\
        "ip":"81.2.69.160","userAgent":"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}"""
        .formatted(eventId, tenant, user, day);
  }

  private String storedEventIdsInSeqOrder() {
    return String.join(",", jdbc.sql("SELECT event_id FROM login_events WHERE tenant_id = ? ORDER BY seq")
        .param(tenant).query(String.class).list());
  }

  private long countRows(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = ?").param(tenant).query(Long.class)
        .single();
  }

  private HttpResponse<String> post(String body, String contentType) throws IOException, InterruptedException {
    return TestTenant.send(caller.request("/api/v1/events")
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
