package dev.vigil.server.flags;

import dev.vigil.core.policy.Action;
import dev.vigil.core.policy.PolicyMode;
import dev.vigil.core.signal.SignalType;
import dev.vigil.server.caller.Caller;
import dev.vigil.server.caller.InvalidRequestException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /admin/tenants/{tenant}/flags}. PUT replaces the whole set; a field left out takes its default
 * (so the body says exactly what the tenant runs with). An administrator reaches only their own tenant's flags
 * (any other tenant in the path is 404, as if it did not exist); the change is audited under their account id and
 * carried into the engine at once ({@link EngineFlags}).
 */
@RestController
final class FlagsController {
  private final FlagStore store;
  private final EngineFlags engine;

  FlagsController(FlagStore store, EngineFlags engine) {
    this.store = store;
    this.engine = engine;
  }

  @GetMapping("/admin/tenants/{tenant}/flags")
  FlagsBody get(@PathVariable String tenant, Caller caller) {
    caller.requireOwnTenant(tenant);
    return FlagsBody.of(store.get(tenant));
  }

  @PutMapping("/admin/tenants/{tenant}/flags")
  FlagsBody put(@PathVariable String tenant, @RequestBody FlagsBody body, Caller caller) {
    caller.requireOwnTenant(tenant);
    TenantFlags flags = body.toFlags(tenant);
    engine.check(flags);
    TenantFlags stored = store.put(caller, flags);
    engine.apply(stored);
    return FlagsBody.of(stored);
  }

  /**
   * The flags as the API shows and takes them ({@code mode}: {@code "monitor"}, {@code "enforce"} or null for the
   * engine's).
   */
  record FlagsBody(@Nullable String mode, @Nullable Set<Action> allowedActions,
      @Nullable Set<SignalType> disabledDetectors, @Nullable Integer challengeAt, @Nullable Integer denyAt,
      @Nullable Integer incidentAt, @Nullable Set<Action> playbookActions, @Nullable Integer playbookAt,
      @Nullable Integer version) {

    static FlagsBody of(TenantFlags flags) {
      return new FlagsBody(flags.mode() == null ? null : flags.mode().name().toLowerCase(Locale.ROOT),
          flags.allowedActions(), flags.disabledDetectors(), flags.challengeAt(), flags.denyAt(), flags.incidentAt(),
          flags.playbookActions(),
          flags.playbookAt(), flags.version());
    }

    TenantFlags toFlags(String tenant) {
      TenantFlags defaults = TenantFlags.defaults(tenant);
      PolicyMode parsed = mode == null ? null : parseMode(mode);
      try {
        return new TenantFlags(tenant, parsed,
            allowedActions == null ? defaults.allowedActions() : allowedActions,
            disabledDetectors == null ? Set.of() : disabledDetectors,
            challengeAt, denyAt, incidentAt,
            playbookActions == null ? Set.of() : playbookActions,
            playbookAt == null ? defaults.playbookAt() : playbookAt, 0);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(e.getMessage());
      }
    }

    private static PolicyMode parseMode(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "monitor" -> PolicyMode.MONITOR;
        case "enforce" -> PolicyMode.ENFORCE;
        default -> throw new InvalidRequestException("mode must be \"monitor\" or \"enforce\": " + text);
      };
    }
  }
}
