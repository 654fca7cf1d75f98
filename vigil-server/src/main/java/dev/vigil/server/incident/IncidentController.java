package dev.vigil.server.incident;

import dev.vigil.server.caller.Caller;
import dev.vigil.server.caller.InvalidRequestException;
import dev.vigil.server.enforce.ActionView;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incident API for analysts (ANALYST/ADMIN once {@code /internal/**} is secured), under
 * {@code /internal/risk/login/incidents}; every call is scoped to the caller's tenant.
 */
@RestController
@RequestMapping("/internal/risk/login/incidents")
final class IncidentController {
  private static final int MAX_PAGE_SIZE = 200;

  private final IncidentStore store;
  private final IncidentIntake intake;
  private final IncidentReview review;

  IncidentController(IncidentStore store, IncidentIntake intake, IncidentReview review) {
    this.store = store;
    this.intake = intake;
    this.review = review;
  }

  /**
   * Body: {@code {"userId":"alice"}} or {@code {"network":"81.2.69.xxx"}} with optional {@code eventIds},
   * {@code severity} and {@code note} for an analyst's incident (201, or 200 when it joined the subject's open
   * one); or {@code {"replay":{"userId":…,"from":…,"to":…}}} for a replay (200 with what it found).
   */
  @PostMapping
  ResponseEntity<?> create(Caller caller, @RequestBody CreateRequest body) {
    if (body.replay() != null) {
      ReplayRequest replay = body.replay();
      return ResponseEntity.ok(intake.replay(caller, replay.userId(), replay.from(), replay.to()));
    }
    Subject subject;
    if (body.userId() != null && body.network() == null) {
      subject = Subject.user(body.userId());
    } else if (body.network() != null && body.userId() == null) {
      subject = Subject.network(body.network());
    } else {
      throw new InvalidRequestException("name exactly one of userId or network (or ask for a replay)");
    }
    String severity = body.severity() == null ? "high" : body.severity().toLowerCase(Locale.ROOT);
    String id = intake.openManually(caller, subject, severity, body.eventIds() == null ? List.of() : body.eventIds(),
        body.note());
    IncidentDetails details = review.details(caller.tenantId(), id);
    boolean created = details.incident().version() == 0;
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/internal/risk/login/incidents/" + id))
        .body(details);
  }

  @GetMapping
  Page list(Caller caller, @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String severity,
      @RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidRequestException("page must be ≥ 0 and size within 1.." + MAX_PAGE_SIZE);
    }
    IncidentStatus parsedStatus;
    try {
      parsedStatus = status == null ? null : IncidentStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("status must be one of " + List.of(IncidentStatus.values()) + ": " + status);
    }
    var filter = new IncidentStore.IncidentFilter(parsedStatus, severity, from, to, page, size);
    return new Page(store.list(caller.tenantId(), filter), page, size);
  }

  @GetMapping("/{id}")
  IncidentDetails get(Caller caller, @PathVariable String id) {
    return review.details(caller.tenantId(), id);
  }

  /** Body {@code {"verdict":"confirmed"|"false_positive","note":…}}; without a verdict: acknowledged only. */
  @PostMapping("/{id}/ack")
  IncidentReview.Acked ack(Caller caller, @PathVariable String id, @RequestBody(required = false) AckRequest body) {
    Verdict verdict = body == null || body.verdict() == null ? null : Verdict.parse(body.verdict());
    return review.acknowledge(caller, id, verdict, body == null ? null : body.note());
  }

  @PostMapping("/{id}/close")
  Incident close(Caller caller, @PathVariable String id) {
    return review.close(caller, id);
  }

  /** 200 when everything is undone (or was before); 202 when some undo failed and is being retried. */
  @PostMapping("/{id}/rollback")
  ResponseEntity<RollbackAnswer> rollback(Caller caller, @PathVariable String id) {
    IncidentReview.Rollback result = review.rollback(caller, id);
    RollbackAnswer answer = new RollbackAnswer(result.incident(), result.already(), result.complete(),
        result.actions(), result.alertsResolved(), result.latencyMs());
    return ResponseEntity.status(result.complete() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(answer);
  }

  record CreateRequest(@Nullable String userId, @Nullable String network, @Nullable List<String> eventIds,
      @Nullable String severity, @Nullable String note, @Nullable ReplayRequest replay) {}

  record ReplayRequest(@Nullable String userId, @Nullable Instant from, @Nullable Instant to) {}

  record AckRequest(@Nullable String verdict, @Nullable String note) {}

  record Page(List<Incident> items, int page, int size) {}

  record RollbackAnswer(Incident incident, boolean alreadyRolledBack, boolean complete, List<ActionView> actions,
      int alertsResolved, long latencyMs) {}
}
