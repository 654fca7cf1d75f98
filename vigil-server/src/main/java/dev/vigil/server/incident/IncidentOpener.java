package dev.vigil.server.incident;

import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import dev.vigil.server.alert.NewAlertListener;
import dev.vigil.server.alert.SecurityAlert;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live detection: every new alert is considered for an incident inside the transaction that stores the login,
 * so login, alert and incident commit together. Listening to alerts misses no incident worth opening: a successful
 * login that can open one is at least HIGH and so raises an alert, and a failed one alerts when it carries a
 * campaign signal (a lone failed login harmed nobody and opens nothing). A campaign's later logins within one alert
 * burst window share the first one's alert and its incident.
 *
 * <p>Runs in a savepoint: should incident handling fail, the login and its alert still commit and the caller
 * still gets its assessment (anomaly processing never breaks a login); the failure is logged with the event id,
 * and a replay over that time range recovers the incident.
 */
@Component
final class IncidentOpener implements NewAlertListener {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentOpener.class);

  private final IncidentStore store;
  private final IncidentOpening opening;
  private final TransactionTemplate savepoint;

  IncidentOpener(IncidentStore store, IncidentOpening opening, PlatformTransactionManager transactionManager) {
    this.store = store;
    this.opening = opening;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @Override
  public void onNewAlerts(List<SecurityAlert> alerts) {
    // Read each tenant's policy once for all the alerts of this commit (inside a savepoint, lazily, so a failed
    // read fails only that alert's incident handling).
    Map<String, IncidentOpening.Policy> policies = new HashMap<>();
    for (SecurityAlert alert : alerts) {
      try {
        savepoint.executeWithoutResult(status -> consider(alert, policies));
      } catch (RuntimeException e) {
        // The driver's message can quote row values (user ids), so the ERROR line names only the type; the
        // stack trace is at DEBUG for whoever debugs with access to the data anyway.
        LOG.error("incident handling failed for event {} of tenant {} ({}); the login is stored, replay to recover",
            alert.eventId(), alert.tenantId(), e.getClass().getName());
        LOG.debug("incident handling failure for event {}", alert.eventId(), e);
      }
    }
  }

  private void consider(SecurityAlert alert, Map<String, IncidentOpening.Policy> policies) {
    Optional<IncidentStore.LoginFacts> facts = store.loginFacts(alert.tenantId(), alert.eventId());
    if (facts.isEmpty()) {
      return;
    }
    Assessment assessment = AssessmentJson.read(facts.get().assessmentJson());
    opening.consider(assessment, facts.get(), Origin.DETECTED,
        policies.computeIfAbsent(alert.tenantId(), opening::policy));
  }
}
