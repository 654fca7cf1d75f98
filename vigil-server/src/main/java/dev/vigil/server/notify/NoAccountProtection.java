package dev.vigil.server.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link AccountProtection} until incident response is wired: enforces nothing, says so. */
final class NoAccountProtection implements AccountProtection {
  private static final Logger LOG = LoggerFactory.getLogger(NoAccountProtection.class);

  @Override
  public void loginReported(LoginReport report) {
    LOG.info("login report {} of tenant {} (event {}) recorded; no account protection is configured",
        report.id(), report.tenantId(), report.eventId());
  }
}
