package dev.vigil.server.incident;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.policy.Action;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.signal.SignalType;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.caller.Caller;
import dev.vigil.server.enforce.ActionRunner;
import dev.vigil.server.enforce.ActionStatus;
import dev.vigil.server.enforce.Enforcement;
import dev.vigil.server.enforce.PlannedAction;
import dev.vigil.server.enforce.Target;
import dev.vigil.server.flags.FlagStore;
import dev.vigil.server.flags.TenantFlags;
import dev.vigil.server.metrics.RiskLoginMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Opens incidents, or attaches logins to open ones, in the caller's transaction: from live detection
 * ({@link IncidentOpener}), from a replay, or by hand. Decides with {@link IncidentRules} under the tenant's
 * current flags and tuned thresholds, plans the actions, writes the timeline and the audit entry, and — for live
 * detection — has the actions carried out once the transaction commits.
 */
@Service
final class IncidentOpening {
  private final IncidentStore store;
  private final FlagStore flags;
  private final ThresholdTuner tuner;
  private final Enforcement enforcement;
  private final ActionRunner runner;
  private final AuditLog audit;
  private final RiskLoginMetrics metrics;
  private final VigilEngine engine;
  private final Clock clock;

  @SuppressWarnings("checkstyle:ParameterNumber") // opening is where detection, policy and response meet
  IncidentOpening(IncidentStore store, FlagStore flags, ThresholdTuner tuner, Enforcement enforcement,
      ActionRunner runner, AuditLog audit, RiskLoginMetrics metrics, VigilEngine engine, Clock clock) {
    this.store = store;
    this.flags = flags;
    this.tuner = tuner;
    this.enforcement = enforcement;
    this.runner = runner;
    this.audit = audit;
    this.metrics = metrics;
    this.engine = engine;
    this.clock = clock;
  }

  /** The tenant's incident threshold: its flag, else the engine policy's {@code incidentAt}. */
  int baseThreshold(TenantFlags tenantFlags) {
    Integer own = tenantFlags.incidentAt();
    return own != null ? own : engine.settings().forTenant(tenantFlags.tenantId()).policy().incidentAt();
  }

  /** A tenant's incident policy as read once: flags and tuned thresholds. */
  record Policy(TenantFlags flags, Map<SignalType, Integer> thresholds) {
    Policy {
      thresholds = Map.copyOf(thresholds);
    }
  }

  /** The tenant's current incident policy (two queries). */
  Policy policy(String tenantId) {
    return new Policy(flags.get(tenantId), tuner.thresholds(tenantId));
  }

  /**
   * Opens or joins an incident for the assessed login when the rules say so.
   *
   * @return the incident's id; empty when the login opens none or belongs to one already
   */
  Optional<String> consider(Assessment assessment, IncidentStore.LoginFacts facts, Origin origin) {
    return consider(assessment, facts, origin, policy(assessment.tenantId()));
  }

  /**
   * {@link #consider(Assessment, IncidentStore.LoginFacts, Origin)} under a policy the caller read already: live
   * detection reads it once per commit rather than once per alert, since an attack's commit carries hundreds.
   */
  Optional<String> consider(Assessment assessment, IncidentStore.LoginFacts facts, Origin origin, Policy policy) {
    String tenant = assessment.tenantId();
    TenantFlags tenantFlags = policy.flags();
    Optional<IncidentRules.Trigger> trigger = IncidentRules.trigger(assessment, tenantFlags,
        baseThreshold(tenantFlags), policy.thresholds());
    // Most alerts open nothing: ask whether the login is in an incident only when it would open or join one.
    if (trigger.isEmpty() || store.eventInIncident(tenant, assessment.eventId())) {
      return Optional.empty();
    }
    Subject subject = trigger.get().aboutNetwork() ? Subject.network(facts.ipMasked())
        : Subject.user(assessment.userId());
    Instant now = clock.instant();
    IncidentStore.Ref ref = store.openOrAttach(tenant, subject, assessment.score(), trigger.get().signals(), origin,
        null, Enforcement.newTraceId(), now);
    store.attachEvent(ref.id(), assessment, now);
    String labels = trigger.get().signals().stream().map(SignalType::label).toList().toString();
    store.timeline(ref.id(), now, Caller.SYSTEM, ref.opened() ? "opened" : "attached",
        "login " + assessment.eventId() + ": score " + assessment.score() + ", " + assessment.decision()
            + ", signals " + labels + "; " + trigger.get().reason() + (origin == Origin.REPLAY ? " (replay)" : ""));
    Map<Action, ActionStatus> actions = IncidentRules.actions(assessment, tenantFlags, origin == Origin.REPLAY);
    for (Map.Entry<Action, ActionStatus> planned : actions.entrySet()) {
      Target target = switch (planned.getKey()) {
        case BLOCK -> subject.kind() == Subject.Kind.NETWORK ? Target.source("", facts.ipMasked())
            : Target.source(facts.ipHmac(), facts.ipMasked());
        case PAGE -> Target.incident(ref.id());
        case REQUIRE_MFA, FORCE_LOGOUT, FREEZE, NOTIFY_USER, OPEN_INCIDENT -> Target.user(assessment.userId());
      };
      enforcement.plan(new PlannedAction(tenant, ref.id(), planned.getKey(), target, ref.traceId(),
          planned.getValue(), origin == Origin.DETECTED ? facts.receivedAt() : null));
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("eventId", assessment.eventId());
    details.put("score", Integer.toString(assessment.score()));
    details.put("signals", labels);
    details.put("reason", trigger.get().reason());
    details.put("origin", origin.label());
    details.put("actions", actions.toString());
    details.put("traceId", ref.traceId());
    audit.append(tenant, Caller.SYSTEM, ref.opened() ? "incident.opened" : "incident.attached",
        "incident:" + ref.id(), details);
    afterCommit(() -> metrics.highRisk());
    if (origin == Origin.DETECTED) {
      runner.runAfterCommit(ref.id());
    }
    return Optional.of(ref.id());
  }

  /** An analyst's incident about a user or network, with the given logins (which must exist). */
  String openManually(Caller caller, Subject subject, int floorScore, List<Assessment> logins,
      @Nullable String note) {
    Instant now = clock.instant();
    int score = Math.max(floorScore, logins.stream().mapToInt(Assessment::score).max().orElse(0));
    List<SignalType> signals = logins.stream().flatMap(a -> a.signalTypes().stream()).distinct().toList();
    IncidentStore.Ref ref = store.openOrAttach(caller.tenantId(), subject, score, signals, Origin.MANUAL, note,
        Enforcement.newTraceId(), now);
    int attached = 0;
    for (Assessment login : logins) {
      if (store.attachEvent(ref.id(), login, now)) {
        attached++;
      }
    }
    store.timeline(ref.id(), now, caller.actor(), ref.opened() ? "opened" : "attached",
        "by hand: " + attached + " login(s)" + (note == null ? "" : "; " + note));
    audit.append(caller.tenantId(), caller.actor(), ref.opened() ? "incident.opened" : "incident.attached",
        "incident:" + ref.id(), Map.of("origin", Origin.MANUAL.label(), "logins", Integer.toString(attached),
            "subject", subject.kindLabel()));
    return ref.id();
  }

  private static void afterCommit(Runnable runnable) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      runnable.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        runnable.run();
      }
    });
  }
}
