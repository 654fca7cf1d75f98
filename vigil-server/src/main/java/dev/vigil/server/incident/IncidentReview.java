package dev.vigil.server.incident;

import dev.vigil.core.signal.SignalType;
import dev.vigil.server.alert.AlertStore;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.caller.Caller;
import dev.vigil.server.enforce.ActionView;
import dev.vigil.server.enforce.Enforcement;
import dev.vigil.server.enforce.RollbackReport;
import dev.vigil.server.engine.LoginPipeline;
import dev.vigil.server.events.SecurityEvent;
import dev.vigil.server.events.SecurityEventPublisher;
import dev.vigil.server.events.SecurityEventType;
import dev.vigil.server.flags.FlagStore;
import dev.vigil.server.metrics.RiskLoginMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analyst's side of an incident: verdicts, with their feedback, and the rollback of a false positive.
 *
 * <p>Every status change locks the incident row ({@code SELECT … FOR UPDATE}) and checks the status machine
 * under the lock, so of two analysts acting at once exactly one wins and the other gets a conflict; the row's
 * {@code version} moves with every change.
 *
 * <p>Feedback of a false positive: in the verdict's transaction, the thresholds of the signal types involved are
 * raised ({@link ThresholdTuner}); after it commits, every login of the incident is confirmed to the engine
 * ({@link LoginPipeline#confirm}) so the profile learns the device and network. Confirming outside the
 * transaction keeps the engine's lock and the incident row lock from ever being held together.
 */
@Service
final class IncidentReview {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentReview.class);

  private final IncidentStore store;
  private final IncidentOpening opening;
  private final FlagStore flags;
  private final ThresholdTuner tuner;
  private final Enforcement enforcement;
  private final Collaborators others;
  private final TransactionTemplate transactions;
  private final Clock clock;

  /** Those told of a review's outcome: the engine, alerts, outbound events, audit and metrics. */
  record Collaborators(LoginPipeline pipeline, AlertStore alerts, SecurityEventPublisher events, AuditLog audit,
      RiskLoginMetrics metrics) {}

  @SuppressWarnings("checkstyle:ParameterNumber")
  IncidentReview(IncidentStore store, IncidentOpening opening, FlagStore flags, ThresholdTuner tuner,
      Enforcement enforcement, LoginPipeline pipeline, AlertStore alerts, SecurityEventPublisher events,
      AuditLog audit, RiskLoginMetrics metrics, TransactionTemplate transactions, Clock clock) {
    this.store = store;
    this.opening = opening;
    this.flags = flags;
    this.tuner = tuner;
    this.enforcement = enforcement;
    this.others = new Collaborators(pipeline, alerts, events, audit, metrics);
    this.transactions = transactions;
    this.clock = clock;
  }

  IncidentDetails details(String tenantId, String incidentId) {
    Incident incident = store.find(tenantId, incidentId)
        .orElseThrow(() -> new IncidentNotFoundException("incident " + incidentId));
    return new IncidentDetails(incident, store.events(tenantId, incident.id()),
        enforcement.actionsOf(tenantId, incident.id()), store.timelineOf(incident.id()));
  }

  /** The outcome of an acknowledgement: the incident after it and the tuning steps it took. */
  record Acked(Incident incident, List<ThresholdTuner.Tuning> tunings) {}

  /**
   * Acknowledges the incident, with a verdict or (verdict null) without one yet.
   *
   * @throws IncidentNotFoundException when the tenant has no such incident
   * @throws IncidentConflictException when its status does not allow this step (someone else was first)
   */
  Acked acknowledge(Caller caller, String incidentId, @Nullable Verdict verdict, @Nullable String note) {
    Acked acked = transactions.execute(status -> {
      Incident incident = store.lock(caller.tenantId(), incidentId)
          .orElseThrow(() -> new IncidentNotFoundException("incident " + incidentId));
      IncidentStatus next = verdict == null ? IncidentStatus.ACKNOWLEDGED : verdict.status();
      if (!incident.status().canBecome(next)) {
        throw new IncidentConflictException("incident " + incidentId + " is " + incident.status()
            + " and cannot become " + next);
      }
      Instant now = clock.instant();
      Incident after = store.setStatus(incident, next, note, incident.rollbackState(), now);
      List<ThresholdTuner.Tuning> tunings = next == IncidentStatus.FALSE_POSITIVE
          ? tuner.raise(caller.tenantId(), signalTypes(incident), incident.id(),
              opening.baseThreshold(flags.get(caller.tenantId())), caller.actor())
          : List.of();
      store.timeline(incident.id(), now, caller.actor(), "ack", (verdict == null ? "acknowledged"
          : "verdict " + verdict.name().toLowerCase(Locale.ROOT)) + (note == null ? "" : ": " + note)
          + (tunings.isEmpty() ? "" : "; thresholds raised: " + describe(tunings)));
      Map<String, String> details = new LinkedHashMap<>();
      details.put("status", next.name());
      details.put("version", Integer.toString(after.version()));
      if (note != null) {
        details.put("note", note);
      }
      details.put("tunings", describe(tunings));
      others.audit().append(caller.tenantId(), caller.actor(), "incident.ack", "incident:" + incident.id(), details);
      return new Acked(after, tunings);
    });
    if (verdict == Verdict.FALSE_POSITIVE) {
      others.metrics().falsePositive();
      teachProfiles(caller, acked.incident());
    }
    return acked;
  }

  /** Confirms the incident's logins to the engine (outside any transaction; see the class doc). */
  private void teachProfiles(Caller caller, Incident incident) {
    List<IncidentDetails.Login> logins = store.events(caller.tenantId(), incident.id());
    int learned = 0;
    for (IncidentDetails.Login login : logins) {
      if (others.pipeline().confirm(caller.tenantId(), login.eventId())) {
        learned++;
      }
    }
    int taught = learned;
    transactions.executeWithoutResult(status -> store.timeline(incident.id(), clock.instant(), caller.actor(),
        "feedback", "profiles learned " + taught + " of " + logins.size() + " login(s) as genuine"));
  }

  /** A confirmed incident is done with. */
  Incident close(Caller caller, String incidentId) {
    return transactions.execute(status -> {
      Incident incident = store.lock(caller.tenantId(), incidentId)
          .orElseThrow(() -> new IncidentNotFoundException("incident " + incidentId));
      if (!incident.status().canBecome(IncidentStatus.CLOSED)) {
        throw new IncidentConflictException("incident " + incidentId + " is " + incident.status()
            + "; only a confirmed incident can be closed (a false positive is rolled back)");
      }
      Instant now = clock.instant();
      Incident after = store.setStatus(incident, IncidentStatus.CLOSED, null, incident.rollbackState(), now);
      store.timeline(incident.id(), now, caller.actor(), "closed", "closed");
      enforcement.incidentClosed(caller.tenantId(), incident.id());
      others.audit().append(caller.tenantId(), caller.actor(), "incident.close", "incident:" + incident.id(),
          Map.of("version", Integer.toString(after.version())));
      return after;
    });
  }

  /**
   * What a rollback achieved.
   *
   * @param already whether the incident had been rolled back before (nothing was done now)
   * @param latencyMs from the request to the end of its transaction
   */
  record Rollback(Incident incident, boolean already, boolean complete, List<ActionView> actions,
      int alertsResolved, long latencyMs) {}

  /**
   * Undoes everything a false positive did: actions (through their adapters), its logins' alerts; records it,
   * publishes {@code security.login.rollback}. Idempotent: an incident rolled back already is left as it is.
   * When an undo fails the rest still happens, the incident stays FALSE_POSITIVE with rollback state PARTIAL,
   * and {@link RollbackRetrier} tries again.
   *
   * @throws IncidentConflictException when the incident is not a false positive
   */
  Rollback rollback(Caller caller, String incidentId) {
    Instant started = clock.instant();
    Rollback result = transactions.execute(status -> {
      Incident incident = store.lock(caller.tenantId(), incidentId)
          .orElseThrow(() -> new IncidentNotFoundException("incident " + incidentId));
      if (incident.status() == IncidentStatus.ROLLED_BACK) {
        return new Rollback(incident, true, true, enforcement.actionsOf(caller.tenantId(), incident.id()), 0, 0);
      }
      if (!incident.status().canBecome(IncidentStatus.ROLLED_BACK)) {
        throw new IncidentConflictException("incident " + incidentId + " is " + incident.status()
            + "; only an incident marked false_positive can be rolled back");
      }
      RollbackReport report = enforcement.undoAll(caller.tenantId(), incident.id(), caller.actor());
      Instant now = clock.instant();
      List<String> eventIds = store.events(caller.tenantId(), incident.id()).stream()
          .map(IncidentDetails.Login::eventId).toList();
      int resolved = others.alerts().resolveForEvents(caller.tenantId(), eventIds, now);
      long latencyMs = Math.max(0, Duration.between(started, now).toMillis());
      Incident after;
      if (report.complete()) {
        after = store.setStatus(incident, IncidentStatus.ROLLED_BACK, null, "COMPLETE", now);
        others.events().publish(new SecurityEvent(UUID.randomUUID(), SecurityEventType.LOGIN_ROLLBACK, now,
            "ROLLBACK", incident.id(), incident.traceId(), latencyMs, caller.tenantId(), incident.subject()));
        store.timeline(incident.id(), now, caller.actor(), "rolled_back", "rolled back: " + undone(report)
            + " action(s) undone, " + resolved + " alert(s) resolved");
      } else {
        after = store.setStatus(incident, IncidentStatus.FALSE_POSITIVE, null, "PARTIAL", now);
        store.timeline(incident.id(), now, caller.actor(), "rollback_partial", report.failed().size()
            + " action(s) not undone yet, retrying: " + report.failed().stream()
                .map(a -> a.action() + " (" + a.lastError() + ")").toList());
      }
      others.audit().append(caller.tenantId(), caller.actor(),
          report.complete() ? "incident.rollback" : "incident.rollback.partial", "incident:" + incident.id(),
          Map.of("undone", Long.toString(undone(report)), "failed", Integer.toString(report.failed().size()),
              "alertsResolved", Integer.toString(resolved), "latencyMs", Long.toString(latencyMs)));
      return new Rollback(after, false, report.complete(), report.actions(), resolved, latencyMs);
    });
    if (!result.already() && result.complete()) {
      others.metrics().rollback();
      LOG.info("incident {} of tenant {} rolled back in {} ms", incidentId, caller.tenantId(), result.latencyMs());
    }
    return result;
  }

  private static long undone(RollbackReport report) {
    return report.actions().stream().filter(a -> a.undoneAt() != null).count();
  }

  private static List<SignalType> signalTypes(Incident incident) {
    return incident.signalTypes().stream().map(s -> SignalType.valueOf(s.toUpperCase(Locale.ROOT))).toList();
  }

  private static String describe(List<ThresholdTuner.Tuning> tunings) {
    return tunings.stream().map(t -> t.signalType().toLowerCase(Locale.ROOT) + " " + t.oldValue() + "→"
        + t.newValue()).toList().toString();
  }
}
