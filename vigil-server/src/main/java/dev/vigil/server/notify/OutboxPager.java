package dev.vigil.server.notify;

import dev.vigil.server.enforce.Pager;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Incident response's {@code PAGE} over PagerDuty through the outbox: a {@code trigger} with the incident id as
 * {@code dedup_key}, and a {@code resolve} with the same key when the incident is rolled back or closed. Both are
 * outbox rows written in the caller's transaction, so a page is sent exactly when its action commits, retried
 * until PagerDuty takes it, and kept in order (trigger before resolve) per tenant.
 *
 * <p>A tenant without a PagerDuty routing key still gets paged somehow: the WARN line of the log-only pager, which
 * an operator's log alerting can act on.
 */
@Component
final class OutboxPager implements Pager {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxPager.class);

  private final Outbox outbox;
  private final NotifySettings settings;
  private final DispatchSignal signal;
  private final JdbcClient jdbc;
  private final Clock clock;

  OutboxPager(Outbox outbox, NotifySettings settings, DispatchSignal signal, JdbcClient jdbc, Clock clock) {
    this.outbox = outbox;
    this.settings = settings;
    this.signal = signal;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private final java.util.Set<String> unpagedTenants = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Override
  public void page(String tenantId, String incidentId, String traceId) {
    if (!settings.channelsFor(tenantId).pagerduty().configured()) {
      // Once per tenant at WARN (a configuration gap), then per incident at INFO: a replay or demo load that opens
      // hundreds of incidents must not bury the log.
      if (unpagedTenants.add(tenantId)) {
        LOG.warn("PAGE requested for tenant {} but no PagerDuty routing key is configured for it; incidents that "
            + "ask for a page are only logged (first: incident {}, trace {})", tenantId, incidentId, traceId);
      } else {
        LOG.info("PAGE: incident {} of tenant {} needs the on-call security engineer (trace {})", incidentId,
            tenantId, traceId);
      }
      return;
    }
    enqueue(tenantId, incidentId, "trigger",
        "Vigil incident " + incidentId + " needs the on-call security engineer (trace " + traceId + ")");
  }

  @Override
  public void resolve(String tenantId, String incidentId) {
    if (settings.channelsFor(tenantId).pagerduty().configured() && triggered(incidentId)) {
      enqueue(tenantId, incidentId, "resolve", "Vigil incident " + incidentId + " is over");
    }
  }

  private void enqueue(String tenantId, String incidentId, String action, String summary) {
    Notice.Page page = new Notice.Page(action, incidentId, summary, "critical", tenantId);
    if (outbox.enqueue(new NewMessage(tenantId, null, Channel.PAGERDUTY, null, page, action + ":" + incidentId),
        clock.instant())) {
      signal.afterCommit();
    }
  }

  private boolean triggered(String incidentId) {
    return jdbc.sql("""
            SELECT EXISTS (SELECT 1 FROM notification_outbox WHERE channel = 'pagerduty' AND dedup_key = :key)""")
        .param("key", "trigger:" + incidentId)
        .query(Boolean.class).single();
  }
}
