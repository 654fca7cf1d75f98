package dev.vigil.server.enforce;

/**
 * Pages the on-call security engineer for an incident ({@code PAGE}). The notifications branch implements it over
 * PagerDuty through its outbox at merge; {@link LoggingPager} is the stand-in. Called inside the action's
 * transaction, so implementations only write (an outbox row), never call out.
 */
public interface Pager {
  void page(String tenantId, String incidentId, String traceId);
}
