package dev.vigil.server.notify;

import dev.vigil.server.caller.Caller;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/notifications/**}: the outbox at a glance, dead letters, and retrying them. Answers carry ids,
 * channels, kinds, counts and Vigil's own failure reasons — never payloads, addresses or secrets. (Requires the
 * ADMIN role; only the caller's tenant's messages.)
 */
@RestController
final class NotificationAdminController {
  private final Outbox outbox;
  private final Clock clock;

  NotificationAdminController(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @GetMapping("/admin/notifications/outbox")
  OutboxView outbox(Caller caller) {
    Outbox.OutboxState state = outbox.state(caller.tenantId(), clock.instant());
    return new OutboxView(state.counts(), state.oldestPending().toMillis() / 1000.0);
  }

  @GetMapping("/admin/notifications/dead-letters")
  List<Outbox.DeadLetter> deadLetters(Caller caller, @RequestParam(defaultValue = "100") int limit) {
    return outbox.deadLetters(caller.tenantId(), Math.clamp(limit, 1, 1000));
  }

  @PostMapping("/admin/notifications/dead-letters/{id}/retry")
  Map<String, Object> retry(Caller caller, @PathVariable long id) {
    if (!outbox.retry(caller.tenantId(), id, clock.instant())) {
      throw new NotDeadLetterException(id);
    }
    return Map.of("id", id, "status", "pending");
  }

  @PostMapping("/admin/notifications/dead-letters/retry")
  Map<String, Object> retryAll(Caller caller) {
    return Map.of("retried", outbox.retryAllDead(caller.tenantId(), clock.instant()));
  }

  record OutboxView(List<Outbox.OutboxState.Count> counts, double oldestPendingSeconds) {}

  /** Answered as problem+json by the application's one exception translator (it handles ErrorResponse). */
  static final class NotDeadLetterException extends ErrorResponseException {
    NotDeadLetterException(long id) {
      super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(long id) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
          "notification " + id + " is not a dead letter");
      problem.setType(URI.create("https://vigil.dev/problems/not-a-dead-letter"));
      problem.setTitle("No such dead letter");
      return problem;
    }
  }
}
