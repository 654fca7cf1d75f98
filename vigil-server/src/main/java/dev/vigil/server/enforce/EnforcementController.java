package dev.vigil.server.enforce;

import dev.vigil.core.policy.Action;
import dev.vigil.server.caller.Caller;
import dev.vigil.server.caller.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analysts' manual enforcement: {@code POST /internal/sessions/force-logout} ({@code {"userId":…}} for all
 * of a user's sessions, plus {@code "sessionIds":[…]} for only those), {@code POST /internal/users/{id}/freeze}
 * and {@code …/unfreeze}. Effective at once (same transaction as the answer); 502 when the adapter failed (the
 * action is retried).
 */
@RestController
final class EnforcementController {
  private final Enforcement enforcement;

  EnforcementController(Enforcement enforcement) {
    this.enforcement = enforcement;
  }

  @PostMapping("/internal/sessions/force-logout")
  ResponseEntity<ActionView> forceLogout(Caller caller, @RequestBody ForceLogoutRequest body) {
    if (body.userId() == null || body.userId().isBlank()) {
      throw new InvalidRequestException("userId is required (sessionIds, when given, narrow the logout)");
    }
    List<String> sessions = body.sessionIds() == null ? List.of() : body.sessionIds();
    return answer(enforcement.manual(caller.tenantId(), caller.actor(), Action.FORCE_LOGOUT,
        Target.user(body.userId()), sessions));
  }

  @PostMapping("/internal/users/{userId}/freeze")
  ResponseEntity<ActionView> freeze(Caller caller, @PathVariable String userId) {
    return answer(enforcement.manual(caller.tenantId(), caller.actor(), Action.FREEZE, Target.user(userId),
        List.of()));
  }

  @PostMapping("/internal/users/{userId}/unfreeze")
  Map<String, Object> unfreeze(Caller caller, @PathVariable String userId) {
    enforcement.unfreeze(caller.tenantId(), caller.actor(), userId);
    return Map.of("userId", userId, "frozen", false);
  }

  private static ResponseEntity<ActionView> answer(ActionView view) {
    return ResponseEntity.status(view.status() == ActionStatus.DONE ? HttpStatus.OK : HttpStatus.BAD_GATEWAY)
        .body(view);
  }

  record ForceLogoutRequest(@Nullable String userId, @Nullable List<String> sessionIds) {}
}
