package dev.vigil.server.enforce;

import dev.vigil.core.policy.Action;
import java.util.List;

/**
 * Enforces on Vigil's own accounts through {@link AccountControl}: a forced logout revokes sessions and refresh
 * tokens and remembers which, so a rollback restores exactly those; a freeze remembers whether the account was
 * frozen already, so a rollback does not unfreeze an account someone froze before.
 *
 * <p>{@code REQUIRE_MFA} changes no state here: the assessment's {@code CHALLENGE} decision already tells the
 * login path to step up, at the moment of the login.
 */
final class BuiltInEnforcer implements Enforcer {
  private final AccountControl accounts;

  BuiltInEnforcer(AccountControl accounts) {
    this.accounts = accounts;
  }

  @Override
  public String name() {
    return "builtin";
  }

  @Override
  public Applied apply(EnforcementRequest request) {
    String tenant = request.tenantId();
    String user = request.target().id();
    return switch (request.action()) {
      case FORCE_LOGOUT -> {
        List<String> revoked = request.sessionIds().isEmpty()
            ? accounts.revokeSessions(tenant, user)
            : accounts.revokeSessions(tenant, user, request.sessionIds());
        yield new Applied(!revoked.isEmpty(), revoked, null, revoked.size() + " session(s) revoked");
      }
      case FREEZE -> {
        boolean changed = accounts.freeze(tenant, user);
        yield new Applied(changed, List.of(), null, changed ? "frozen" : "not changed (frozen already, or not an account here)");
      }
      case REQUIRE_MFA -> Applied.noted("the login's CHALLENGE decision requires the second factor");
      case BLOCK, PAGE, NOTIFY_USER, OPEN_INCIDENT ->
          throw new IllegalArgumentException("not an account action: " + request.action());
    };
  }

  @Override
  public void undo(EnforcementRequest request, Applied applied) {
    switch (request.action()) {
      case FORCE_LOGOUT -> accounts.restoreSessions(request.tenantId(), applied.revokedSessionIds());
      case FREEZE -> {
        if (applied.changed()) {
          accounts.unfreeze(request.tenantId(), request.target().id());
        }
      }
      case REQUIRE_MFA -> { }
      case BLOCK, PAGE, NOTIFY_USER, OPEN_INCIDENT ->
          throw new IllegalArgumentException("not an account action: " + request.action());
    }
  }
}
