package dev.vigil.server.enforce;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Without a notification outbox: a WARN line an operator's log alerting can page on. */
final class LoggingPager implements Pager {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingPager.class);

  @Override
  public void page(String tenantId, String incidentId, String traceId) {
    LOG.warn("PAGE: incident {} of tenant {} needs the on-call security engineer (trace {})", incidentId, tenantId,
        traceId);
  }

  @Override
  public void resolve(String tenantId, String incidentId) {
    LOG.info("PAGE RESOLVED: incident {} of tenant {} is over", incidentId, tenantId);
  }
}
