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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    Optional<IncidentRules.Trigger> trigger = trigger(assessment, policy);
    // Most alerts open nothing: ask whether the login is in an incident only when it would open or join one.
    if (trigger.isEmpty() || store.eventInIncident(tenant, assessment.eventId())) {
      return Optional.empty();
    }
    Subject subject = subject(trigger.get(), assessment, facts);
    Instant now = clock.instant();
    IncidentStore.Ref ref = store.openOrAttach(tenant, subject, assessment.score(), trigger.get().signals(), origin,
        null, Enforcement.newTraceId(), now);
    store.attachEvent(ref.id(), assessment, now);
    store.timeline(ref.id(), now, Caller.SYSTEM, ref.opened() ? "opened" : "attached",
        timelineDetail(assessment, trigger.get(), origin));
    Map<Action, ActionStatus> actions = IncidentRules.actions(assessment, tenantFlags, origin == Origin.REPLAY);
    for (PlannedAction planned : plan(actions, subject, assessment, facts, ref, origin)) {
      enforcement.plan(planned);
    }
    audit.append(tenant, Caller.SYSTEM, ref.opened() ? "incident.opened" : "incident.attached",
        "incident:" + ref.id(), auditDetails(assessment, trigger.get(), origin, actions, ref));
    afterCommit(() -> metrics.highRisk());
    if (origin == Origin.DETECTED) {
      runner.runAfterCommit(ref.id());
    }
    return Optional.of(ref.id());
  }

  /** The rules' verdict on the login under the policy. */
  Optional<IncidentRules.Trigger> trigger(Assessment assessment, Policy policy) {
    return IncidentRules.trigger(assessment, policy.flags(), baseThreshold(policy.flags()), policy.thresholds());
  }

  /** A live-detected login the rules open or join an incident for, as {@link IncidentOpener} hands it over. */
  record Detected(Assessment assessment, IncidentStore.LoginFacts facts, IncidentRules.Trigger trigger,
      Policy policy) {}

  /**
   * What {@link #considerAll} did, for the caller to act on once its savepoint is released.
   *
   * @param incidentIds the incidents opened or joined, each once
   * @param logins how many logins were attached
   */
  record Considered(List<String> incidentIds, int logins) {
    Considered {
      incidentIds = List.copyOf(incidentIds);
    }
  }

  /**
   * {@link #consider} for the triggering logins of one group commit ({@link Origin#DETECTED}, none of them in an
   * incident yet): the same incidents, rows, timeline lines, actions and audit entries as considering them one by
   * one in list order, but written with one statement per table (one upsert per commit for all subjects, one
   * advisory lock and insert per tenant's audit chain) instead of about ten per login. An attack's commit carries
   * hundreds of such logins, all joining the same incident, on the one thread that commits for every request.
   * Metrics and the actions' run are left to the caller ({@link #afterCommit(Considered)}), so that nothing is
   * registered for work a failed savepoint rolls back.
   */
  Considered considerAll(List<Detected> detected) {
    Map<String, List<Detected>> bySubject = new LinkedHashMap<>();
    for (Detected login : detected) {
      Subject subject = subject(login.trigger(), login.assessment(), login.facts());
      bySubject.computeIfAbsent(login.assessment().tenantId() + '\u0000' + subject.kindLabel() + ':' + subject.id(),
          key -> new ArrayList<>()).add(login);
    }
    Instant now = clock.instant();
    List<IncidentStore.Ref> refs = store.openOrAttachAll(joinings(bySubject.values()), Origin.DETECTED, now);
    Map<Detected, IncidentStore.Ref> refOf = new IdentityHashMap<>();
    Set<Detected> opening = Collections.newSetFromMap(new IdentityHashMap<>());
    int group = 0;
    for (List<Detected> logins : bySubject.values()) {
      IncidentStore.Ref ref = refs.get(group++);
      logins.forEach(login -> refOf.put(login, ref));
      if (ref.opened()) {
        // the first login of the subject opened it; the others join, as when they came one by one
        opening.add(logins.getFirst());
      }
    }
    List<IncidentStore.Attachment> attachments = new ArrayList<>(detected.size());
    List<IncidentStore.TimelineLine> lines = new ArrayList<>(detected.size());
    List<PlannedAction> planned = new ArrayList<>();
    Map<String, List<AuditLog.NewEntry>> entries = new LinkedHashMap<>();
    for (Detected login : detected) {
      IncidentStore.Ref ref = refOf.get(login);
      Assessment assessment = login.assessment();
      String kind = opening.contains(login) ? "opened" : "attached";
      attachments.add(new IncidentStore.Attachment(ref.id(), assessment));
      lines.add(new IncidentStore.TimelineLine(ref.id(), kind,
          timelineDetail(assessment, login.trigger(), Origin.DETECTED)));
      Map<Action, ActionStatus> actions = IncidentRules.actions(assessment, login.policy().flags(), false);
      planned.addAll(plan(actions, subject(login.trigger(), assessment, login.facts()), assessment, login.facts(),
          ref, Origin.DETECTED));
      entries.computeIfAbsent(assessment.tenantId(), tenant -> new ArrayList<>()).add(new AuditLog.NewEntry(
          "incident." + kind, "incident:" + ref.id(),
          auditDetails(assessment, login.trigger(), Origin.DETECTED, actions, ref)));
    }
    // Lock order as everywhere (incident rows, action rows, audit chain): the rows above are locked already, the
    // audit chains last. A runner carrying out one of these incidents' actions meanwhile holds its action row and
    // then wants the audit chain; taking a chain before planning would deadlock with it.
    store.attachEvents(attachments, now);
    store.timelineAll(lines, now, Caller.SYSTEM);
    enforcement.planAll(planned);
    entries.forEach((tenant, tenantEntries) -> audit.appendAll(tenant, Caller.SYSTEM, tenantEntries));
    return new Considered(refs.stream().map(IncidentStore.Ref::id).distinct().toList(), detected.size());
  }

  /** One upsert per subject: the highest score and every counted signal of its logins. */
  private static List<IncidentStore.Joining> joinings(Collection<List<Detected>> bySubject) {
    List<IncidentStore.Joining> joinings = new ArrayList<>(bySubject.size());
    for (List<Detected> logins : bySubject) {
      Detected first = logins.getFirst();
      Set<SignalType> signals = new LinkedHashSet<>();
      logins.forEach(login -> signals.addAll(login.trigger().signals()));
      joinings.add(new IncidentStore.Joining(first.assessment().tenantId(),
          subject(first.trigger(), first.assessment(), first.facts()),
          logins.stream().mapToInt(login -> login.assessment().score()).max().orElseThrow(), signals,
          Enforcement.newTraceId(), logins.size()));
    }
    return joinings;
  }

  /** Counts the attached logins and runs the incidents' actions once the transaction commits. */
  void afterCommit(Considered considered) {
    afterCommit(() -> {
      for (int i = 0; i < considered.logins(); i++) {
        metrics.highRisk();
      }
    });
    considered.incidentIds().forEach(runner::runAfterCommit);
  }

  private static Subject subject(IncidentRules.Trigger trigger, Assessment assessment,
      IncidentStore.LoginFacts facts) {
    return trigger.aboutNetwork() ? Subject.network(facts.ipMasked()) : Subject.user(assessment.userId());
  }

  private static String timelineDetail(Assessment assessment, IncidentRules.Trigger trigger, Origin origin) {
    return "login " + assessment.eventId() + ": score " + assessment.score() + ", " + assessment.decision()
        + ", signals " + labels(trigger) + "; " + trigger.reason() + (origin == Origin.REPLAY ? " (replay)" : "");
  }

  private static String labels(IncidentRules.Trigger trigger) {
    return trigger.signals().stream().map(SignalType::label).toList().toString();
  }

  private static List<PlannedAction> plan(Map<Action, ActionStatus> actions, Subject subject,
      Assessment assessment, IncidentStore.LoginFacts facts, IncidentStore.Ref ref, Origin origin) {
    List<PlannedAction> planned = new ArrayList<>(actions.size());
    for (Map.Entry<Action, ActionStatus> action : actions.entrySet()) {
      Target target = switch (action.getKey()) {
        case BLOCK -> subject.kind() == Subject.Kind.NETWORK ? Target.source("", facts.ipMasked())
            : Target.source(facts.ipHmac(), facts.ipMasked());
        case PAGE -> Target.incident(ref.id());
        case REQUIRE_MFA, FORCE_LOGOUT, FREEZE, NOTIFY_USER, OPEN_INCIDENT -> Target.user(assessment.userId());
      };
      planned.add(new PlannedAction(assessment.tenantId(), ref.id(), action.getKey(), target, ref.traceId(),
          action.getValue(), origin == Origin.DETECTED ? facts.receivedAt() : null));
    }
    return planned;
  }

  private static Map<String, String> auditDetails(Assessment assessment, IncidentRules.Trigger trigger,
      Origin origin, Map<Action, ActionStatus> actions, IncidentStore.Ref ref) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("eventId", assessment.eventId());
    details.put("score", Integer.toString(assessment.score()));
    details.put("signals", labels(trigger));
    details.put("reason", trigger.reason());
    details.put("origin", origin.label());
    details.put("actions", actions.toString());
    details.put("traceId", ref.traceId());
    return details;
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
