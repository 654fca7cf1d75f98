package dev.vigil.server.flags;

import dev.vigil.core.TenantSettings;
import dev.vigil.core.policy.PolicySettings;
import dev.vigil.core.signal.SignalType;
import dev.vigil.server.caller.Caller;
import dev.vigil.server.flags.FlagsController.FlagsBody;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's policy view (ANALYST or ADMIN, by the {@code /internal/**} rule; the caller's tenant only):
 * {@code GET /internal/policy} shows the flags and the thresholds they make together with the configured policy;
 * {@code POST /internal/policy/backtest} says what a proposed set of flags would have done to the last 7 days of
 * stored logins. Saving stays {@code PUT /admin/tenants/{tenant}/flags}, administrators only.
 */
@RestController
final class PolicyController {
  private final FlagStore store;
  private final EngineFlags engine;
  private final PolicyBacktest backtest;

  PolicyController(FlagStore store, EngineFlags engine, PolicyBacktest backtest) {
    this.store = store;
    this.engine = engine;
    this.backtest = backtest;
  }

  @GetMapping("/internal/policy")
  PolicyView view(Caller caller) {
    TenantFlags flags = store.get(caller.tenantId());
    TenantSettings settings = engine.settingsFor(flags);
    PolicySettings policy = settings.policy();
    List<String> detectors = Stream.of(SignalType.values()).map(Enum::name).toList();
    return new PolicyView(caller.tenantId(), FlagsBody.of(flags),
        new Effective(policy.mode().name().toLowerCase(Locale.ROOT), policy.challengeAt(), policy.denyAt(),
            flags.incidentAt() == null ? policy.incidentAt() : flags.incidentAt()),
        detectors, PolicyBacktest.WINDOW.toDays());
  }

  @PostMapping("/internal/policy/backtest")
  PolicyBacktest.Backtest backtest(Caller caller, @RequestBody FlagsBody proposed) {
    return backtest.run(proposed.toFlags(caller.tenantId()));
  }

  /**
   * @param flags the stored flags (nulls: the configured policy's)
   * @param effective what the engine runs with for the tenant
   * @param detectors every detector (signal type) that can be switched off
   * @param backtestDays the backtest's window
   */
  record PolicyView(String tenantId, FlagsBody flags, Effective effective, List<String> detectors,
      long backtestDays) {
    PolicyView {
      detectors = List.copyOf(detectors);
    }
  }

  /** The thresholds and mode in force. */
  record Effective(String mode, int challengeAt, int denyAt, int incidentAt) {}
}
