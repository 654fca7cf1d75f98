package dev.vigil.server.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pages PagerDuty for what stays unacknowledged: a high alert goes to Slack at once; if nobody acknowledges it
 * within {@code vigil.notify.escalation.after}, this triggers a PagerDuty incident ({@code dedup_key}
 * {@code vigil-<kind>-<tenant>-<id>}), and resolves it when the subject is acknowledged later. Recording the
 * escalation and enqueuing the page is one transaction, guarded by the escalation row's primary key, so several
 * instances page once.
 */
@Component
final class AlertEscalator {
  private final List<EscalationSource> sources;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Outbox outbox;
  private final NotifySettings settings;
  private final DispatchSignal signal;
  private final Clock clock;

  AlertEscalator(List<EscalationSource> sources, JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox,
      NotifySettings settings, DispatchSignal signal, Clock clock) {
    this.sources = List.copyOf(sources);
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.outbox = outbox;
    this.settings = settings;
    this.signal = signal;
    this.clock = clock;
  }

  /** Triggers pages for overdue subjects and resolves those acknowledged since; returns how many pages. */
  int escalate() {
    Integer pages = transactions.execute(status -> {
      Instant now = clock.instant();
      int enqueued = 0;
      for (EscalationSource source : sources) {
        Instant before = now.minus(settings.escalation().after());
        for (EscalationSource.Subject subject : source.overdue(before, now.minus(settings.escalation().lookBack()))) {
          if (pages(subject.tenantId()) && claim(source.kind(), subject, now)) {
            enqueued += page(source.kind(), subject, "trigger", now);
          }
        }
        for (EscalationSource.Subject subject : source.acknowledgedSinceEscalation()) {
          if (resolve(source.kind(), subject, now)) {
            enqueued += page(source.kind(), subject, "resolve", now);
          }
        }
      }
      if (enqueued > 0) {
        signal.afterCommit();
      }
      return enqueued;
    });
    return pages == null ? 0 : pages;
  }

  private boolean pages(String tenantId) {
    return settings.channelsFor(tenantId).pagerduty().configured();
  }

  private boolean claim(String kind, EscalationSource.Subject subject, Instant now) {
    return jdbc.sql("""
            INSERT INTO notification_escalations (subject_kind, subject_id, tenant_id, escalated_at)
            VALUES (:kind, :id, :tenant, :now) ON CONFLICT DO NOTHING""")
        .param("kind", kind).param("id", subject.id()).param("tenant", subject.tenantId())
        .param("now", Timestamp.from(now))
        .update() == 1;
  }

  private boolean resolve(String kind, EscalationSource.Subject subject, Instant now) {
    return jdbc.sql("""
            UPDATE notification_escalations SET resolved_at = :now
             WHERE subject_kind = :kind AND subject_id = :id AND resolved_at IS NULL""")
        .param("now", Timestamp.from(now)).param("kind", kind).param("id", subject.id())
        .update() == 1;
  }

  private int page(String kind, EscalationSource.Subject subject, String action, Instant now) {
    String dedupKey = "vigil-" + kind + "-" + subject.tenantId() + "-" + subject.id();
    Notice.Page page = new Notice.Page(action, dedupKey, subject.summary(), subject.severity(), subject.tenantId());
    return outbox.enqueue(new NewMessage(subject.tenantId(), null, Channel.PAGERDUTY, null, page,
        action + ":" + dedupKey), now) ? 1 : 0;
  }
}
