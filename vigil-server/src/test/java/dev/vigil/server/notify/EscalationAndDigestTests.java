package dev.vigil.server.notify;

import static dev.vigil.server.notify.NotifyTestServers.SECURITY_TEAM;
import static dev.vigil.server.notify.NotifyTestServers.SLACK;
import static dev.vigil.server.notify.NotifyTestServers.SMTP;
import static dev.vigil.server.notify.NotifyTestServers.alertPages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.alert.AlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Slack first, PagerDuty when nobody acknowledges; medium alerts as a digest. */
@NotifyServerTest
final class EscalationAndDigestTests {
  private static final String FIREFOX_ON_LINUX =
      "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0";
  private static final String HOME_GEO = "{\"country\":\"DE\",\"city\":\"Berlin\",\"asn\":3320}";

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  OutboxDispatcher dispatcher;

  @Autowired
  AlertEscalator escalator;

  @Autowired
  AlertDigester digester;

  @Autowired
  AlertStore alerts;

  @Autowired
  MutableClock clock;

  private final String tenant = "t-" + UUID.randomUUID();
  private final String user = "carol-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void pagesPagerDutyForACriticalAlertNobodyAcknowledgedWithinTenMinutesAndOnlyOnce() throws Exception {
    Logins logins = new Logins(keys, port, tenant);
    logins.habitual(user);
    logins.fromAbroad(user, "away", Instant.parse("2026-10-20T09:00:00Z"));
    dispatcher.drain();
    escalator.escalate();
    dispatcher.drain();
    assertThat(SLACK.acceptedWith(tenant)).hasSize(1);
    assertThat(alertPages(tenant)).as("not before ten minutes").isEmpty();

    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    escalator.escalate();
    escalator.escalate();
    dispatcher.drain();

    List<RecordingEndpoint.Request> pages = alertPages(tenant);
    assertThat(pages).hasSize(1);
    JsonNode event = Outbox.JSON.readTree(pages.getFirst().body());
    assertThat(event.path("routing_key").asText()).isEqualTo(NotifyTestServers.ROUTING_KEY);
    assertThat(event.path("event_action").asText()).isEqualTo("trigger");
    assertThat(event.path("dedup_key").asText()).isEqualTo("vigil-alert-" + tenant + "-" + alertId());
    assertThat(event.path("payload").path("severity").asText()).isEqualTo("critical");
    assertThat(event.path("payload").path("source").asText()).isEqualTo("vigil/" + tenant);
    assertThat(event.path("payload").path("summary").asText()).contains("Unacknowledged critical-risk login");
  }

  @Test
  void resolvesThePageWhenTheAlertIsAcknowledgedLater() throws Exception {
    Logins logins = new Logins(keys, port, tenant);
    logins.habitual(user);
    logins.fromAbroad(user, "away", Instant.parse("2026-10-20T09:00:00Z"));
    clock.advance(Duration.ofMinutes(11));
    escalator.escalate();

    alerts.acknowledge(tenant, user, alertId(), clock.instant());
    escalator.escalate();
    escalator.escalate();
    dispatcher.drain();

    List<JsonNode> pages = alertPages(tenant).stream().map(r -> read(r.body())).toList();
    assertThat(pages).extracting(p -> p.path("event_action").asText()).containsExactly("trigger", "resolve");
    assertThat(pages.get(1).path("dedup_key").asText()).isEqualTo(pages.get(0).path("dedup_key").asText());
  }

  @Test
  void doesNotPageForAnAlertAcknowledgedInTime() {
    Logins logins = new Logins(keys, port, tenant);
    logins.habitual(user);
    logins.fromAbroad(user, "away", Instant.parse("2026-10-20T09:00:00Z"));
    alerts.acknowledge(tenant, user, alertId(), clock.instant());

    clock.advance(Duration.ofMinutes(11));
    escalator.escalate();
    dispatcher.drain();

    assertThat(alertPages(tenant)).isEmpty();
  }

  @Test
  void sendsMediumAlertsAsOneDigestToTheSecurityTeamInsteadOfOneMessageEach() {
    Logins logins = new Logins(keys, port, tenant);
    List<String> users = List.of(user + "-1", user + "-2", user + "-3");
    for (String u : users) {
      logins.habitual(u);
      logins.send(u, u + "-firefox", Instant.parse("2026-10-20T09:00:00Z"), "SUCCESS", "81.2.70.1",
          FIREFOX_ON_LINUX, HOME_GEO);
    }
    assertThat(jdbc.sql("SELECT DISTINCT severity FROM security_alerts WHERE tenant_id = ?").param(tenant)
        .query(String.class).list()).containsExactly("medium");
    dispatcher.drain();
    assertThat(SLACK.acceptedWith(tenant)).as("medium alerts wait for the digest").isEmpty();

    assertThat(digester.sendDigests()).isPositive();
    assertThat(digester.sendDigests()).as("each alert in one digest").isZero();
    dispatcher.drain();

    assertThat(SLACK.acceptedWith(tenant)).singleElement()
        .satisfies(r -> assertThat(r.body()).contains("3 medium-risk logins").contains(users.get(2)));
    assertThat(SMTP.to(SECURITY_TEAM).stream().filter(m -> Mails.subject(m).contains(tenant)).toList())
        .singleElement()
        .satisfies(m -> assertThat(Mails.text(m)).contains(users.get(0)).contains(users.get(1)));
  }

  private long alertId() {
    return jdbc.sql("SELECT id FROM security_alerts WHERE tenant_id = ?").param(tenant).query(Long.class).single();
  }

  private static JsonNode read(String json) {
    try {
      return Outbox.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
