package dev.vigil.server.notify;

import dev.vigil.server.alert.NewAlertListener;
import dev.vigil.server.alert.SecurityAlert;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns each newly stored alert into outbox messages, inside the transaction that stores the alert (so both
 * commit or neither). {@code AlertStore} calls this only for alerts it created, never for a deduplicated repeat,
 * so there is one notification per new alert and one per burst window (PR #278's review: notify only what was
 * actually created).
 *
 * <p>Routing, per tenant and configured channel:
 * <ul>
 *   <li>webhook: every alert;</li>
 *   <li>Slack and the security team's email: high and critical alerts at once; medium ones wait for the digest;</li>
 *   <li>the user's email: "was this you?" when a successful login raised an alert about a new device or
 *       place;</li>
 *   <li>PagerDuty: nothing now; {@link AlertEscalator} pages what stays unacknowledged.</li>
 * </ul>
 */
@Component
final class NotifyingAlertListener implements NewAlertListener {
  /** Signals that mean "somewhere or something new", which only the user can tell apart from an attacker. */
  static final Set<String> NOVELTY = Set.of("new_device", "new_country", "new_city", "new_asn", "new_network");

  private final Outbox outbox;
  private final NotifySettings settings;
  private final JdbcClient jdbc;
  private final DispatchSignal signal;
  private final Clock clock;

  NotifyingAlertListener(Outbox outbox, NotifySettings settings, JdbcClient jdbc, DispatchSignal signal,
      Clock clock) {
    this.outbox = outbox;
    this.settings = settings;
    this.jdbc = jdbc;
    this.signal = signal;
    this.clock = clock;
  }

  @Override
  public void onNewAlerts(List<SecurityAlert> alerts) {
    Instant now = clock.instant();
    boolean enqueued = false;
    for (SecurityAlert alert : alerts) {
      enqueued |= route(alert, now);
    }
    if (enqueued) {
      signal.afterCommit();
    }
  }

  private boolean route(SecurityAlert alert, Instant now) {
    NotifySettings.Channels channels = settings.channelsFor(alert.tenantId());
    Notice.AlertSummary summary = Notice.AlertSummary.of(alert);
    String key = "alert:" + alert.tenantId() + ":" + alert.id();
    boolean enqueued = false;
    if (channels.webhook().configured()) {
      enqueued |= outbox.enqueue(new NewMessage(alert.tenantId(), alert.userId(), Channel.WEBHOOK, null,
          new Notice.AlertRaised(summary), key), now);
    }
    if (urgent(alert.severity())) {
      if (channels.slack().configured()) {
        enqueued |= outbox.enqueue(new NewMessage(alert.tenantId(), alert.userId(), Channel.SLACK, null,
            new Notice.AlertRaised(summary), key), now);
      }
      if (channels.email().configured() && !channels.email().securityTeam().isEmpty()) {
        enqueued |= outbox.enqueue(new NewMessage(alert.tenantId(), alert.userId(), Channel.EMAIL, null,
            new Notice.AlertRaised(summary), key + ":team"), now);
      }
    } else if (channels.slack().configured() || channels.email().configured()) {
      jdbc.sql("""
              INSERT INTO notification_digest_items (tenant_id, alert_id, payload, created_at)
              VALUES (:tenant, :alert, CAST(:payload AS jsonb), :now) ON CONFLICT (alert_id) DO NOTHING""")
          .param("tenant", alert.tenantId()).param("alert", alert.id())
          .param("payload", Outbox.toJson(new Notice.AlertRaised(summary)))
          .param("now", Timestamp.from(now))
          .update();
    }
    if (channels.email().configured() && alert.signalTypes().stream().anyMatch(NOVELTY::contains)
        && succeeded(alert)) {
      Topic topic = urgent(alert.severity()) ? Topic.SUSPICIOUS_SIGN_IN : Topic.NEW_SIGN_IN;
      enqueued |= outbox.enqueue(new NewMessage(alert.tenantId(), alert.userId(), Channel.EMAIL, topic,
          new Notice.LoginCheck(summary), key + ":user"), now);
    }
    return enqueued;
  }

  /** Only a login that got in is worth "was this you?"; a failed one from a new device is the team's concern. */
  private boolean succeeded(SecurityAlert alert) {
    return jdbc.sql("SELECT outcome = 'SUCCESS' FROM login_events WHERE tenant_id = :tenant AND event_id = :event")
        .param("tenant", alert.tenantId()).param("event", alert.eventId())
        .query(Boolean.class).optional().orElse(false);
  }

  static boolean urgent(String severity) {
    return severity.equals("high") || severity.equals("critical");
  }
}
