package dev.vigil.server.incident;

import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.caller.Caller;
import dev.vigil.server.caller.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /internal/risk/login/incidents}: an analyst's incident, or a replay.
 *
 * <p><b>Replay</b> re-decides stored logins (a user's, or a time range's, not yet in any incident) under the
 * tenant's <em>current</em> incident policy — flags, incident threshold, tuned thresholds, playbook — using each
 * login's stored assessment (score and signals) rather than re-running the engine over raw events: a fresh
 * engine would need the tenant's whole history to rebuild the profiles that gave those scores (the snapshot and
 * replay work of the throughput branch), while a policy change — the thing a replay is for — is exactly what the
 * stored scores let us re-evaluate deterministically. Replayed incidents only record their actions (monitor
 * mode): a drill must not freeze an account for last month's login. Each login is handled in its own
 * transaction; a second replay finds nothing new.
 */
@Service
final class IncidentIntake {
  private final IncidentStore store;
  private final IncidentOpening opening;
  private final AuditLog audit;
  private final IncidentSettings settings;
  private final TransactionTemplate transactions;

  IncidentIntake(IncidentStore store, IncidentOpening opening, AuditLog audit, IncidentSettings settings,
      TransactionTemplate transactions) {
    this.store = store;
    this.opening = opening;
    this.audit = audit;
    this.settings = settings;
    this.transactions = transactions;
  }

  /** Opens (or attaches to) the subject's incident by hand; the logins named must be the tenant's. */
  String openManually(Caller caller, Subject subject, String severity, List<String> eventIds, @Nullable String note) {
    int floor = switch (severity) {
      case "low" -> 0;
      case "medium" -> 30;
      case "high" -> 60;
      case "critical" -> 85;
      default -> throw new InvalidRequestException("severity must be low, medium, high or critical: " + severity);
    };
    return transactions.execute(status -> {
      List<Assessment> logins = new ArrayList<>();
      for (String eventId : new LinkedHashSet<>(eventIds)) {
        IncidentStore.LoginFacts facts = store.loginFacts(caller.tenantId(), eventId)
            .orElseThrow(() -> new InvalidRequestException("no stored login " + eventId + " in this tenant"));
        logins.add(AssessmentJson.read(facts.assessmentJson()));
      }
      return opening.openManually(caller, subject, floor, logins, note);
    });
  }

  /** What a replay found. */
  record Replayed(int examined, List<String> incidentIds) {}

  Replayed replay(Caller caller, @Nullable String userId, @Nullable Instant from, @Nullable Instant to) {
    if (userId == null && from == null && to == null) {
      throw new InvalidRequestException("replay needs a userId or a time range (from, to)");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidRequestException("replay.from must be before replay.to");
    }
    List<IncidentStore.LoginFacts> logins =
        store.unattachedLogins(caller.tenantId(), userId, from, to, settings.replayLimit());
    Set<String> incidents = new LinkedHashSet<>();
    for (IncidentStore.LoginFacts facts : logins) {
      Assessment assessment = AssessmentJson.read(facts.assessmentJson());
      Optional<String> id = transactions.execute(
          status -> opening.consider(assessment, facts, Origin.REPLAY));
      id.ifPresent(incidents::add);
    }
    transactions.executeWithoutResult(status -> audit.append(caller.tenantId(), caller.actor(), "incident.replay",
        "tenant:" + caller.tenantId(), Map.of("examined", Integer.toString(logins.size()),
            "incidents", Integer.toString(incidents.size()), "scope", userId != null ? "user" : "time range")));
    return new Replayed(logins.size(), List.copyOf(incidents));
  }
}
