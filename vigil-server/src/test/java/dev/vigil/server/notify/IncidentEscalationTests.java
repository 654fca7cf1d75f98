package dev.vigil.server.notify;

import static dev.vigil.server.notify.NotifyTestServers.PAGERDUTY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.support.InternalApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Incidents plug into escalation: a high or critical one nobody acknowledges pages PagerDuty, once. */
@NotifyServerTest
final class IncidentEscalationTests {
  private static final String INCIDENTS = "/internal/risk/login/incidents";

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
  MutableClock clock;

  private final String tenant = "t-" + UUID.randomUUID();

  @Test
  void aCriticalIncidentNobodyAcknowledgesPagesAfterTenMinutesOnceAndResolvesWhenAcknowledged() {
    InternalApi api = new InternalApi(port, tenant, keys, jdbc);
    String id = api.post(INCIDENTS, "{\"userId\":\"dave\",\"severity\":\"critical\"}").json()
        .path("incident").path("id").asText();
    escalator.escalate();
    dispatcher.drain();
    assertThat(pagesOf(id)).as("not before ten minutes").isEmpty();

    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    escalator.escalate();
    escalator.escalate();
    dispatcher.drain();

    List<JsonNode> pages = pagesOf(id);
    assertThat(pages).singleElement().satisfies(page -> {
      assertThat(page.path("event_action").asText()).isEqualTo("trigger");
      assertThat(page.path("dedup_key").asText()).isEqualTo("vigil-incident-" + tenant + "-" + id);
      assertThat(page.path("payload").path("severity").asText()).isEqualTo("critical");
      assertThat(page.path("payload").path("summary").asText()).contains("Unacknowledged critical incident");
    });

    assertThat(api.post(INCIDENTS + "/" + id + "/ack", "{}").status()).isEqualTo(200);
    escalator.escalate();
    dispatcher.drain();

    assertThat(pagesOf(id)).extracting(p -> p.path("event_action").asText()).containsExactly("trigger", "resolve");
  }

  @Test
  void aMediumIncidentDoesNotPage() {
    InternalApi api = new InternalApi(port, tenant, keys, jdbc);
    String id = api.post(INCIDENTS, "{\"userId\":\"erin\",\"severity\":\"medium\"}").json()
        .path("incident").path("id").asText();

    clock.advance(Duration.ofMinutes(11));
    escalator.escalate();
    dispatcher.drain();

    assertThat(pagesOf(id)).isEmpty();
  }

  private static List<JsonNode> pagesOf(String incidentId) {
    return PAGERDUTY.acceptedWith(incidentId).stream().map(r -> {
      try {
        return Outbox.JSON.readTree(r.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }
}
