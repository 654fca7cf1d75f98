package dev.vigil.server.incident;

import dev.vigil.server.notify.NotifyTestServers;
import dev.vigil.server.notify.RecordingEndpoint;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The receivers incident response talks to through the notification outbox, as real HTTP servers: the tenants'
 * webhook (CloudEvents) and PagerDuty (pages). Started once per JVM; tests find their own requests by tenant id.
 */
final class IncidentEndpoints implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  static final String WEBHOOK_SECRET = "whsec-incident-test-7b1e";
  static final RecordingEndpoint WEBHOOK = new RecordingEndpoint(200, r -> r.signature() != null);
  static final RecordingEndpoint PAGERDUTY = new RecordingEndpoint(202, NotifyTestServers::validPagerDutyEvent);

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
        "vigil.notify.channels.webhook.url=" + WEBHOOK.url("/hooks/incidents"),
        "vigil.notify.channels.webhook.signing-secret=" + WEBHOOK_SECRET,
        "vigil.notify.channels.pagerduty.events-url=" + PAGERDUTY.url("/v2/enqueue"),
        "vigil.notify.channels.pagerduty.routing-key=pd-incident-test-routing-key-000000000")
        .applyTo(context);
  }
}
