package dev.vigil.server.notify;

import static dev.vigil.server.notify.NotifyTestServers.SECURITY_TEAM;
import static dev.vigil.server.notify.NotifyTestServers.SLACK;
import static dev.vigil.server.notify.NotifyTestServers.SMTP;
import static dev.vigil.server.notify.NotifyTestServers.WEBHOOK;
import static dev.vigil.server.notify.NotifyTestServers.alertPages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.ApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delivery over the real protocols: what each channel receives for a risky login, that a failed send is retried
 * and ends as a dead letter an admin can retry, and that secrets stay out of answers and logs.
 */
@NotifyServerTest
@ExtendWith(OutputCaptureExtension.class)
final class NotificationDeliveryTests {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  OutboxDispatcher dispatcher;

  @Autowired
  MutableClock clock;

  private final String tenant = "t-" + UUID.randomUUID();
  private final String user = "alice-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void channelsBackUp() {
    WEBHOOK.bringBack();
    SLACK.bringBack();
    clock.advance(Duration.ofHours(1));
    dispatcher.drain();
  }

  @Test
  void deliversARiskyLoginToSlackTheWebhookAndTheSecurityTeamOnce() throws Exception {
    Logins logins = new Logins(keys, port, tenant);
    logins.habitual(user);
    logins.fromAbroad(user, "away", Instant.parse("2026-10-20T09:00:00Z"));
    long alertId = onlyAlertId();

    dispatcher.drain();
    dispatcher.drain();

    List<RecordingEndpoint.Request> slack = SLACK.acceptedWith(tenant);
    assertThat(slack).hasSize(1);
    JsonNode blocks = Outbox.JSON.readTree(slack.getFirst().body()).path("blocks");
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
    assertThat(blocks.get(0).path("text").path("text").asText()).contains("Critical-risk login");
    assertThat(blocks.get(1).path("fields").toString()).contains(user).contains("new_country");

    List<RecordingEndpoint.Request> hooks = WEBHOOK.acceptedWith(tenant);
    assertThat(hooks).hasSize(1);
    JsonNode event = Outbox.JSON.readTree(hooks.getFirst().body());
    assertThat(event.path("type").asText()).isEqualTo("security.alert.created");
    assertThat(event.path("data").path("alert").path("alertId").asLong()).isEqualTo(alertId);
    assertThat(hooks.getFirst().deliveryId()).isEqualTo(event.path("id").asText());
    assertThat(WebhookSignature.verify(NotifyTestServers.WEBHOOK_SECRET, hooks.getFirst().signature(),
        hooks.getFirst().body(), clock.instant(), Duration.ofMinutes(5))).isTrue();

    assertThat(SMTP.to(SECURITY_TEAM).stream().filter(m -> Mails.text(m).contains(tenant)).toList())
        .singleElement()
        .satisfies(mail -> assertThat(Mails.subject(mail)).isEqualTo("[Vigil] critical-risk login: anomaly"))
        .satisfies(mail -> assertThat(Mails.html(mail)).contains("<th align=\"left\">User</th><td>" + user));
    assertThat(alertPages(tenant)).as("paging waits for escalation").isEmpty();
  }

  @Test
  void notifiesOncePerAlertSoABurstOfFailuresIsOneBruteForceMessage() throws Exception {
    Logins logins = new Logins(keys, port, tenant);
    logins.habitual(user);
    for (int i = 0; i < 12; i++) {
      logins.send(user, "fail-" + i, Instant.parse("2026-10-22T09:00:00Z").plusSeconds(i), "FAILURE",
          "198.51.100.7", "curl/8.5.0", "{\"country\":\"DE\",\"city\":\"Berlin\",\"asn\":3320}");
    }

    dispatcher.drain();

    List<String> alertTypes = jdbc.sql("SELECT alert_type FROM security_alerts WHERE tenant_id = ? ORDER BY id")
        .param(tenant).query(String.class).list();
    List<JsonNode> received = WEBHOOK.acceptedWith(tenant).stream().map(r -> read(r.body())).toList();
    List<String> delivered = received.stream().filter(e -> e.path("type").asText().equals("security.alert.created"))
        .map(e -> e.path("data").path("alert").path("type").asText()).toList();
    assertThat(delivered).isEqualTo(alertTypes);
    assertThat(delivered).filteredOn("brute_force"::equals).hasSize(1);
    assertThat(received).extracting(e -> e.path("type").asText())
        .as("besides alerts, at most the brute-force incident's block of the source")
        .isSubsetOf("security.alert.created", "security.login.blocked");
  }

  @Test
  void retriesAWebhookThatAnswers503WithBackoffAndDeliversItOnceItRecovers() throws Exception {
    Logins logins = new Logins(keys, port, tenant);
    logins.habitual(user);
    WEBHOOK.takeDown();
    logins.fromAbroad(user, "away", Instant.parse("2026-10-20T09:00:00Z"));

    dispatcher.drain();
    assertThat(WEBHOOK.refusedWith(tenant)).hasSize(1);
    assertThat(webhookRow()).isEqualTo("pending 1 webhook answered HTTP 503");

    WEBHOOK.bringBack();
    dispatcher.drain();
    assertThat(WEBHOOK.acceptedWith(tenant)).as("not before its back-off").isEmpty();

    clock.advance(Duration.ofSeconds(6));
    dispatcher.drain();
    assertThat(WEBHOOK.acceptedWith(tenant)).hasSize(1);
    assertThat(webhookRow()).isEqualTo("delivered 2 null");
  }

  @Test
  void turnsAMessageThatKeepsFailingIntoADeadLetterThatAnAdminRetries() throws Exception {
    Logins logins = new Logins(keys, port, tenant);
    logins.habitual(user);
    WEBHOOK.takeDown();
    logins.fromAbroad(user, "away", Instant.parse("2026-10-20T09:00:00Z"));

    for (int i = 0; i < 20 && !webhookRow().startsWith("dead"); i++) {
      dispatcher.drain();
      clock.advance(Duration.ofMinutes(16));
    }
    assertThat(webhookRow()).isEqualTo("dead 12 webhook answered HTTP 503; gave up after 12 attempts");
    long id = webhookId();
    JsonNode dead = read(admin("GET", "/admin/notifications/dead-letters?limit=1000").body());
    JsonNode letter = find(dead, id);
    assertThat(letter.path("channel").asText()).isEqualTo("webhook");
    assertThat(letter.path("kind").asText()).isEqualTo("alert");
    assertThat(letter.path("attempts").asInt()).isEqualTo(12);

    WEBHOOK.bringBack();
    HttpResponse<String> retried = admin("POST", "/admin/notifications/dead-letters/" + id + "/retry");
    assertThat(retried.statusCode()).isEqualTo(200);
    dispatcher.drain();

    assertThat(WEBHOOK.acceptedWith(tenant)).hasSize(1);
    assertThat(webhookRow()).startsWith("delivered");
    HttpResponse<String> again = admin("POST", "/admin/notifications/dead-letters/" + id + "/retry");
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(read(again.body()).path("type").asText()).isEqualTo("https://vigil.dev/problems/not-a-dead-letter");
  }

  @Test
  void retriesEveryDeadLetterAtOnce() throws Exception {
    Logins logins = new Logins(keys, port, tenant);
    logins.habitual(user);
    WEBHOOK.takeDown();
    logins.fromAbroad(user, "away", Instant.parse("2026-10-20T09:00:00Z"));
    clock.advance(Duration.ofDays(2));
    dispatcher.drain();
    assertThat(webhookRow()).startsWith("dead 0 expired");
    WEBHOOK.bringBack();

    JsonNode answer = read(admin("POST", "/admin/notifications/dead-letters/retry").body());
    dispatcher.drain();

    assertThat(answer.path("retried").asInt()).isPositive();
    assertThat(WEBHOOK.acceptedWith(tenant)).hasSize(1);
  }

  @Test
  void showsTheOutboxStateWithCountsAndLag() throws Exception {
    Logins logins = new Logins(keys, port, tenant);
    logins.habitual(user);
    WEBHOOK.takeDown();
    logins.fromAbroad(user, "away", Instant.parse("2026-10-20T09:00:00Z"));
    clock.advance(Duration.ofSeconds(42));

    JsonNode state = read(admin("GET", "/admin/notifications/outbox").body());

    assertThat(state.path("oldestPendingSeconds").asDouble()).isGreaterThanOrEqualTo(42.0);
    assertThat(state.path("counts").toString()).contains("\"channel\":\"webhook\",\"status\":\"pending\"");
  }

  @Test
  void exposesDeliveryCountsAndOutboxLagToPrometheus() throws Exception {
    Logins logins = new Logins(keys, port, tenant);
    logins.habitual(user);
    logins.fromAbroad(user, "away", Instant.parse("2026-10-20T09:00:00Z"));
    dispatcher.drain();

    HttpResponse<String> scrape = admin("GET", "/actuator/prometheus");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .containsPattern("vigil_notify_deliveries_total\\{[^}]*channel=\"webhook\"[^}]*outcome=\"delivered\"[^}]*} [1-9]")
        .contains("vigil_notify_outbox_lag_seconds ")
        .contains("vigil_notify_delivery_latency_seconds{channel=\"slack\",quantile=\"0.99\"}");
  }

  @Test
  void keepsSecretsOutOfAdminAnswersMetricsAndLogs(CapturedOutput output) throws Exception {
    Logins logins = new Logins(keys, port, tenant);
    logins.habitual(user);
    WEBHOOK.takeDown();
    SLACK.takeDown();
    logins.fromAbroad(user, "away", Instant.parse("2026-10-20T09:00:00Z"));
    for (int i = 0; i < 14; i++) {
      dispatcher.drain();
      clock.advance(Duration.ofMinutes(16));
    }
    String token = Mails.linkPath(SMTP.to(user + "@mail.test").getFirst(), "confirm");

    String answers = admin("GET", "/admin/notifications/dead-letters?limit=1000").body()
        + admin("GET", "/admin/notifications/outbox").body()
        + admin("POST", "/admin/notifications/dead-letters/retry").body()
        + admin("GET", "/actuator/prometheus").body();

    // Vigil's own output: the test SMTP server (GreenMail) logs the mailboxes it creates, which is not Vigil.
    String logs = output.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail"))
        .collect(java.util.stream.Collectors.joining("\n"));
    for (String secret : List.of(NotifyTestServers.SLACK_TOKEN, NotifyTestServers.WEBHOOK_SECRET,
        NotifyTestServers.ROUTING_KEY, NotifyTestServers.SMTP_PASSWORD, NotifyTestServers.LINK_SECRET,
        token.substring(token.lastIndexOf('/') + 1))) {
      assertThat(answers).doesNotContain(secret);
      assertThat(logs).doesNotContain(secret);
    }
    assertThat(logs).as("operators are told").contains("is a dead letter after 12 attempts");
    assertThat(logs).doesNotContain(user).doesNotContain("203.0.113.9");
  }

  private long onlyAlertId() {
    return jdbc.sql("SELECT id FROM security_alerts WHERE tenant_id = ?").param(tenant).query(Long.class).single();
  }

  private String webhookRow() {
    return jdbc.sql("""
            SELECT status || ' ' || attempts || ' ' || coalesce(last_error, 'null') FROM notification_outbox
             WHERE tenant_id = ? AND channel = 'webhook'""")
        .param(tenant).query(String.class).single();
  }

  private long webhookId() {
    return jdbc.sql("SELECT id FROM notification_outbox WHERE tenant_id = ? AND channel = 'webhook'")
        .param(tenant).query(Long.class).single();
  }

  private static JsonNode find(JsonNode array, long id) {
    for (JsonNode node : array) {
      if (node.path("id").asLong() == id) {
        return node;
      }
    }
    throw new AssertionError("no dead letter " + id + " in " + array);
  }

  private static JsonNode read(String json) {
    try {
      return Outbox.JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Every admin call of these tests goes through here, with a fresh access token of an administrator (the tests
   * move the clock by hours, past any token's lifetime). The administrator lives in a tenant of its own, so
   * their logins add no events to the tenant under test.
   */
  private HttpResponse<String> admin(String method, String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + adminToken())
        .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private String adminToken() throws IOException, InterruptedException {
    // The tenant's own administrator: the outbox admin API shows and retries only the caller's tenant's messages.
    String credentials = "{\"tenantId\":\"" + tenant + "\",\"email\":\"admin@example.test\","
        + "\"password\":\"an administrator's passphrase\"}";
    HttpResponse<String> registered = post("/auth/register", credentials);
    if (registered.statusCode() == 201) {
      jdbc.sql("UPDATE users SET role = 'ADMIN' WHERE tenant_id = ?").param(tenant).update();
    }
    HttpResponse<String> tokens = post("/auth/login", credentials);
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    // The administrator's own first login may raise an alert of its own; these tests count only the user's.
    jdbc.sql("DELETE FROM notification_outbox WHERE tenant_id = ? AND user_id IN "
        + "(SELECT id::text FROM users WHERE tenant_id = ? AND role = 'ADMIN')").params(tenant, tenant).update();
    return read(tokens.body()).path("access_token").asText();
  }

  private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
