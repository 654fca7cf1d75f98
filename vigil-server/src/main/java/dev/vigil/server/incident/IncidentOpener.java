package dev.vigil.server.incident;

import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import dev.vigil.server.alert.NewAlertListener;
import dev.vigil.server.alert.SecurityAlert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * <p><b>Cost.</b> This runs on the login writer's one thread, inside the group commit every waiting request shares.
 * During an attack every attempt raises an alert (a spray hits a new user each time), so one commit brings hundreds,
 * nearly all joining one incident. They are handled together: one query reads every alerting login and whether it
 * is in an incident already, then {@link IncidentOpening#considerAll} writes with one statement per table, all in
 * one savepoint. Considered one by one (a savepoint and about ten statements each) such a commit held the writer for
 * seconds: the ~4-second stall at the campaign in the soak run of docs/RELIABILITY.md.
 *
 * <p><b>Failures.</b> Should incident handling fail, the login and its alert still commit and the caller still gets
 * its assessment (anomaly processing never breaks a login). When the joint savepoint fails, it is rolled back and
 * the alerts are considered again one by one, each in its own savepoint, so one bad alert loses only its own
 * incident handling; the failure is logged with the event id, and a replay over that time range recovers the
 * incident. A stored assessment that does not parse fails only its own alert, without the retry.
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
    // read fails only these alerts' incident handling).
    Map<String, IncidentOpening.Policy> policies = new HashMap<>();
    try {
      IncidentOpening.Considered considered = savepoint.execute(status -> considerTogether(alerts, policies));
      opening.afterCommit(considered);
      return;
    } catch (RuntimeException e) {
      if (alerts.size() == 1) {
        failed(alerts.getFirst(), e);
        return;
      }
      LOG.info("incident handling of {} alerts together failed ({}); considering them one by one", alerts.size(),
          e.getClass().getName());
    }
    for (SecurityAlert alert : alerts) {
      try {
        savepoint.executeWithoutResult(status -> consider(alert, policies));
      } catch (RuntimeException e) {
        failed(alert, e);
      }
    }
  }

  private IncidentOpening.Considered considerTogether(List<SecurityAlert> alerts,
      Map<String, IncidentOpening.Policy> policies) {
    // one alert per login; keyed by tenant and event, in alert order
    Map<String, SecurityAlert> byLogin = new LinkedHashMap<>();
    alerts.forEach(alert -> byLogin.putIfAbsent(key(alert.tenantId(), alert.eventId()), alert));
    Map<String, IncidentStore.DetectedLogin> stored = new HashMap<>();
    for (IncidentStore.DetectedLogin login : store.detectedLogins(
        byLogin.values().stream().map(SecurityAlert::tenantId).toList(),
        byLogin.values().stream().map(SecurityAlert::eventId).toList())) {
      stored.put(key(login.tenantId(), login.eventId()), login);
    }
    List<IncidentOpening.Detected> detected = new ArrayList<>();
    for (Map.Entry<String, SecurityAlert> entry : byLogin.entrySet()) {
      IncidentStore.DetectedLogin login = stored.get(entry.getKey());
      if (login == null || login.inIncident()) {
        continue;
      }
      Assessment assessment;
      try {
        assessment = AssessmentJson.read(login.facts().assessmentJson());
      } catch (RuntimeException e) {
        failed(entry.getValue(), e);
        continue;
      }
      IncidentOpening.Policy policy = policies.computeIfAbsent(login.tenantId(), opening::policy);
      opening.trigger(assessment, policy)
          .ifPresent(trigger -> detected.add(new IncidentOpening.Detected(assessment, login.facts(), trigger, policy)));
    }
    if (detected.isEmpty()) {
      return new IncidentOpening.Considered(List.of(), 0);
    }
    return opening.considerAll(detected);
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

  private static void failed(SecurityAlert alert, RuntimeException e) {
    // The driver's message can quote row values (user ids), so the ERROR line names only the type; the stack
    // trace is at DEBUG for whoever debugs with access to the data anyway.
    LOG.error("incident handling failed for event {} of tenant {} ({}); the login is stored, replay to recover",
        alert.eventId(), alert.tenantId(), e.getClass().getName());
    LOG.debug("incident handling failure for event {}", alert.eventId(), e);
  }

  private static String key(String tenantId, String eventId) {
    return tenantId + '\u0000' + eventId;
  }
}
