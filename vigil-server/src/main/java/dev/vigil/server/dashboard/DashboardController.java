package dev.vigil.server.dashboard;

import dev.vigil.server.caller.Caller;
import dev.vigil.server.caller.InvalidRequestException;
import dev.vigil.server.risk.UserRisks;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's read endpoints under {@code /internal/**} (ANALYST or ADMIN, by the login service's chain), scoped
 * to the caller's tenant: the overview, the map of risky logins and a user's view.
 */
@RestController
final class DashboardController {
  private static final Duration DEFAULT_RANGE = Duration.ofHours(24);

  private final SummaryStore summaries;
  private final RiskMapStore maps;
  private final UserRisks risks;
  private final AccountDirectory accounts;
  private final Clock clock;

  DashboardController(SummaryStore summaries, RiskMapStore maps, UserRisks risks, AccountDirectory accounts,
      Clock clock) {
    this.summaries = summaries;
    this.maps = maps;
    this.risks = risks;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** {@code from} and {@code to} are ISO instants; by default the last 24 hours. At most 31 days. */
  @GetMapping("/internal/dashboard/summary")
  Summary summary(Caller caller, @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to) {
    Range range = range(from, to);
    return summaries.summarize(caller.tenantId(), range.from(), range.to());
  }

  /** Challenged and denied logins per country, for the map; the same range rules as the summary. */
  @GetMapping("/internal/dashboard/map")
  RiskMap map(Caller caller, @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to) {
    Range range = range(from, to);
    return maps.map(caller.tenantId(), range.from(), range.to());
  }

  private Range range(@Nullable Instant from, @Nullable Instant to) {
    Instant end = to == null ? clock.instant() : to;
    Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
    if (!start.isBefore(end)) {
      throw new InvalidRequestException("from must be before to: " + start + " .. " + end);
    }
    if (Duration.between(start, end).compareTo(SummaryStore.MAX_RANGE) > 0) {
      throw new InvalidRequestException("the range must span at most " + SummaryStore.MAX_RANGE.toDays() + " days");
    }
    return new Range(start, end);
  }

  private record Range(Instant from, Instant to) {}

  /** 404 {@code unknown-user} when the tenant has neither a profile nor a stored login of the user. */
  @GetMapping("/internal/users/{userId}")
  AnalystUserView user(Caller caller, @PathVariable String userId,
      @RequestParam(defaultValue = "20") @Min(1) @Max(UserRisks.MAX_LIMIT) int limit) {
    String tenant = caller.tenantId();
    return new AnalystUserView(risks.of(tenant, userId, limit), accounts.account(tenant, userId).orElse(null),
        accounts.openSessions(tenant, userId, clock.instant()));
  }
}
