package dev.vigil.server.admin;

import dev.vigil.server.auth.AuthenticatedUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/stats} (ANALYST or ADMIN, by the security chain: the console's counters): the caller's own
 * tenant in a few numbers.
 * Scoped to that tenant — an administrator of one tenant learns nothing of another's; a cross-tenant operator
 * view belongs to the metrics endpoint.
 */
@RestController
final class AdminStatsController {
  private final TenantStats stats;

  AdminStatsController(TenantStats stats) {
    this.stats = stats;
  }

  @GetMapping("/admin/stats")
  TenantStats.Stats stats(@AuthenticationPrincipal AuthenticatedUser admin) {
    return stats.of(admin.tenantId());
  }
}
