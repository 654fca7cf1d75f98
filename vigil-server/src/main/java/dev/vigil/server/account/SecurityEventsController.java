package dev.vigil.server.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.server.alert.AlertStore;
import dev.vigil.server.auth.AlertView;
import dev.vigil.server.auth.AuthenticatedUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's own login history and security alerts, under the two path families the seed systems used
 * ({@code /auth/login-history}, {@code /auth/security-alerts} from PR #278; {@code /security/**} from PR #1074).
 * Every read and write is scoped to the caller's tenant and account, so another user's alert id is a 404.
 */
@RestController
final class SecurityEventsController {
  /** Alerts listed at most per request; older ones are rarely read and never unread for long. */
  private static final int MAX_ALERTS = 100;

  private final LoginHistory history;
  private final AlertStore alerts;
  private final Clock clock;

  SecurityEventsController(LoginHistory history, AlertStore alerts, Clock clock) {
    this.history = history;
    this.alerts = alerts;
    this.clock = clock;
  }

  /** Page {@code page} (from 1) of {@code size} attempts, newest first. */
  @GetMapping("/auth/login-history")
  HistoryPage loginHistory(@AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    List<LoginHistoryEntry> items = history.page(user.tenantId(), user.subject(), (page - 1) * size, size);
    return new HistoryPage(items, page, size, history.count(user.tenantId(), user.subject()));
  }

  @GetMapping("/auth/security-alerts")
  AlertList securityAlerts(@AuthenticationPrincipal AuthenticatedUser user) {
    return new AlertList(AlertView.of(alerts.forUser(user.tenantId(), user.subject(), false, MAX_ALERTS)),
        alerts.unreadCount(user.tenantId(), user.subject()));
  }

  @PostMapping("/auth/security-alerts/{alertId}/acknowledge")
  AlertView acknowledgeSecurityAlert(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long alertId) {
    return acknowledge(user, alertId);
  }

  /** The latest {@code limit} attempts. */
  @GetMapping("/security/events")
  EventList events(@AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return new EventList(history.page(user.tenantId(), user.subject(), 0, limit));
  }

  @GetMapping("/security/alerts")
  AlertList alerts(@AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(name = "unread_only", defaultValue = "false") boolean unreadOnly) {
    return new AlertList(AlertView.of(alerts.forUser(user.tenantId(), user.subject(), unreadOnly, MAX_ALERTS)),
        alerts.unreadCount(user.tenantId(), user.subject()));
  }

  @GetMapping("/security/alerts/unread-count")
  UnreadCount unreadCount(@AuthenticationPrincipal AuthenticatedUser user) {
    return new UnreadCount(alerts.unreadCount(user.tenantId(), user.subject()));
  }

  @PatchMapping("/security/alerts/{alertId}/acknowledge")
  AlertView acknowledgeAlert(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long alertId) {
    return acknowledge(user, alertId);
  }

  private AlertView acknowledge(AuthenticatedUser user, long alertId) {
    return alerts.acknowledge(user.tenantId(), user.subject(), alertId, clock.instant())
        .map(AlertView::of)
        .orElseThrow(() -> new AlertNotFoundException(alertId));
  }

  record HistoryPage(List<LoginHistoryEntry> items, int page, int size, long total) {}

  record EventList(List<LoginHistoryEntry> events) {}

  record AlertList(List<AlertView> alerts, @JsonProperty("unread_count") long unreadCount) {}

  record UnreadCount(@JsonProperty("unread_count") long unreadCount) {}
}
