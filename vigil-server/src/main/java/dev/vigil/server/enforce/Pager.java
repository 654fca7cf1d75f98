package dev.vigil.server.enforce;

/**
 * Pages the on-call security engineer for an incident ({@code PAGE}) and takes the page back when the incident is
 * over. Implemented over PagerDuty through the notification outbox ({@code notify.OutboxPager}), which falls back
 * to a WARN log line for a tenant without a PagerDuty routing key. Called inside the action's or the incident's
 * transaction, so implementations only write (an outbox row), never call out.
 */
public interface Pager {
  /** Triggers the page of the incident; the incident id ties trigger and resolve together. */
  void page(String tenantId, String incidentId, String traceId);

  /** Resolves the incident's page (it was rolled back or closed); nothing when it was never paged. */
  void resolve(String tenantId, String incidentId);
}
