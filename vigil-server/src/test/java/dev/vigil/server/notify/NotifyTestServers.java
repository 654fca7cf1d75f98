package dev.vigil.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real servers every notification test talks to, started once per JVM, and the configuration pointing the
 * application at them. Secrets are distinctive strings so tests can assert they never appear in logs or answers.
 */
public final class NotifyTestServers implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  static final String SLACK_TOKEN = "slack-secret-XOXB7731";
  static final String WEBHOOK_SECRET = "whsec-secret-5f1c9a0e2b7d4c3a8e6f";
  static final String ROUTING_KEY = "pd-secret-routing-R0UT1NGKEY00000000000";
  static final String SMTP_PASSWORD = "smtp-secret-Pa55w0rd";
  static final String LINK_SECRET = "link-secret-0123456789abcdef0123456789abcdef";
  static final String SECURITY_TEAM = "soc@example.com";

  static final RecordingEndpoint SLACK = new RecordingEndpoint(200, r -> true);
  static final RecordingEndpoint WEBHOOK = new RecordingEndpoint(200, r -> r.signature() != null);
  static final RecordingEndpoint PAGERDUTY = new RecordingEndpoint(202, NotifyTestServers::validPagerDutyEvent);
  static final Smtp SMTP = new Smtp(freePort(), SMTP_PASSWORD);

  private final boolean background;

  /** Tests drive the dispatcher themselves. */
  NotifyTestServers() {
    this(false);
  }

  /** A second instance that runs its own dispatcher loops. */
  NotifyTestServers(boolean background) {
    this.background = background;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
        "vigil.notify.background=" + background,
        // the test SMTP server logs the addresses it creates mailboxes for; Vigil's own logs must not
        "logging.level.com.icegreen=WARN",
        "vigil.notify.channels.slack.webhook-url=" + SLACK.url("/services/T0/B0/" + SLACK_TOKEN),
        "vigil.notify.channels.webhook.url=" + WEBHOOK.url("/hooks/vigil"),
        "vigil.notify.channels.webhook.signing-secret=" + WEBHOOK_SECRET,
        "vigil.notify.channels.pagerduty.events-url=" + PAGERDUTY.url("/v2/enqueue"),
        "vigil.notify.channels.pagerduty.routing-key=" + ROUTING_KEY,
        "vigil.notify.channels.email.from=vigil@example.com",
        "vigil.notify.channels.email.security-team[0]=" + SECURITY_TEAM,
        "vigil.notify.links.secret=" + LINK_SECRET,
        "vigil.notify.links.base-url=http://vigil.test",
        "vigil.notify.dispatch.send-timeout=PT5S",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + SMTP.port(),
        "spring.mail.username=" + Smtp.USER,
        "spring.mail.password=" + SMTP_PASSWORD,
        "spring.mail.properties.mail.smtp.auth=true",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=2000")
        .applyTo(context);
  }

  /**
   * The pages of alert escalation for the tenant. Incident response pages too (an incident's {@code PAGE} action,
   * keyed by the incident id); these tests are about the alerts' pages.
   */
  static List<RecordingEndpoint.Request> alertPages(String tenant) {
    return PAGERDUTY.acceptedWith(tenant).stream()
        .filter(r -> r.body().contains("\"dedup_key\":\"vigil-alert-")).toList();
  }

  /** The fields PagerDuty's Events API v2 documents as required; PagerDuty answers 400 without them. */
  public static boolean validPagerDutyEvent(RecordingEndpoint.Request request) {
    try {
      JsonNode event = Outbox.JSON.readTree(request.body());
      String action = event.path("event_action").asText();
      boolean common = !event.path("routing_key").asText().isEmpty()
          && !event.path("dedup_key").asText().isEmpty()
          && (action.equals("trigger") || action.equals("acknowledge") || action.equals("resolve"));
      if (!common || !action.equals("trigger")) {
        return common;
      }
      JsonNode payload = event.path("payload");
      return !payload.path("summary").asText().isEmpty() && !payload.path("source").asText().isEmpty()
          && payload.path("severity").asText().matches("critical|error|warning|info");
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
