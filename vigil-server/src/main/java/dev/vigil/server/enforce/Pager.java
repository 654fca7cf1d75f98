package dev.vigil.server.enforce;

/**
 * Pages the on-call security engineer for an incident ({@code PAGE}) and takes the page back when the incident is
 * over. Implemented over PagerDuty through the notification outbox ({@code notify.OutboxPager}); without the
 * notifications module {@link LoggingPager} writes a log line instead. Called inside the action's or the
 * incident's transaction, so implementations only write (an outbox row), never call out.
 */
public interface Pager {
  /** Triggers the page of the incident; the incident id ties trigger and resolve together. */
  void page(String tenantId, String incidentId, String traceId);

  /** Resolves the incident's page (it was rolled back or closed); nothing when it was never paged. */
  void resolve(String tenantId, String incidentId);
}
