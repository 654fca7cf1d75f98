package dev.vigil.server.enforce;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Until a notification channel exists: a WARN line an operator's log alerting can page on. */
final class LoggingPager implements Pager {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingPager.class);

  @Override
  public void page(String tenantId, String incidentId, String traceId) {
    LOG.warn("PAGE: incident {} of tenant {} needs the on-call security engineer (trace {})", incidentId, tenantId,
        traceId);
  }
}
