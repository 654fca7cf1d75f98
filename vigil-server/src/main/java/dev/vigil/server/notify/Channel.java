package dev.vigil.server.notify;

import java.util.Locale;

/** Where a message goes. Each has one {@link Sender}; which notices each carries is decided by the routing. */
public enum Channel {
  /** SMTP mail: the user's "was this you?", the security team's alerts and digests. */
  EMAIL,
  /** A Slack incoming webhook: the security team's channel. */
  SLACK,
  /** A generic HTTPS endpoint of the tenant, signed with HMAC-SHA-256: every alert and report, for machines. */
  WEBHOOK,
  /** PagerDuty Events API v2: escalations of unacknowledged high and critical alerts. */
  PAGERDUTY,
  /**
   * Kafka ({@code vigil.events.kafka.enabled}): incident response's security events as CloudEvents, one topic per
   * event type, for every tenant.
   */
  KAFKA;

  /** The name stored in {@code notification_outbox.channel} and used as a metric tag. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Channel ofColumn(String column) {
    return valueOf(column.toUpperCase(Locale.ROOT));
  }
}
