package dev.vigil.server.flags;

import dev.vigil.core.EngineSettings;
import dev.vigil.core.TenantSettings;
import dev.vigil.core.policy.PolicySettings;
import dev.vigil.core.signal.DetectionSettings;
import dev.vigil.core.signal.SignalType;
import dev.vigil.server.caller.InvalidRequestException;
import dev.vigil.server.engine.LoginPipeline;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries a tenant's flags into the engine, so that a detector switched off is not raised (nor scored) and monitor
 * mode is stamped on the tenant's assessments — not only ignored by incident response. The engine's settings for
 * the tenant are always derived from the configured ones ({@code vigil.engine.settings-file}) plus the flags, never
 * from the previous flags, so switching a detector back on restores it exactly.
 *
 * <p>Applied to every tenant with stored flags once the application is ready (after the engine's recovery replay,
 * which therefore ran on the configured settings), and to one tenant at each change.
 */
@Component
final class EngineFlags {
  private static final Logger LOG = LoggerFactory.getLogger(EngineFlags.class);

  private final LoginPipeline pipeline;
  private final EngineSettings configured;
  private final FlagStore flags;
  private final JdbcClient jdbc;

  EngineFlags(LoginPipeline pipeline, EngineSettings configured, FlagStore flags, JdbcClient jdbc) {
    this.pipeline = pipeline;
    this.configured = configured;
    this.flags = flags;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  void applyStoredFlags() {
    List<String> tenants = jdbc.sql("SELECT tenant_id FROM tenant_policy").query(String.class).list();
    tenants.forEach(tenant -> apply(flags.get(tenant)));
    if (!tenants.isEmpty()) {
      LOG.info("engine runs {} tenant(s) with their stored flags", tenants.size());
    }
  }

  void apply(TenantFlags tenantFlags) {
    pipeline.updateTenant(tenantFlags.tenantId(), settingsFor(configured.forTenant(tenantFlags.tenantId()),
        tenantFlags));
  }

  /**
   * Refuses flags whose thresholds, combined with the configured policy, make no policy (400 before anything is
   * stored).
   *
   * @throws InvalidRequestException naming the rule that fails
   */
  void check(TenantFlags tenantFlags) {
    try {
      settingsFor(tenantFlags);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
  }

  /** The engine's settings for the tenant under {@code tenantFlags}, as {@link #apply} would install them. */
  TenantSettings settingsFor(TenantFlags tenantFlags) {
    return settingsFor(configured.forTenant(tenantFlags.tenantId()), tenantFlags);
  }

  /**
   * @throws IllegalArgumentException when the flags' thresholds contradict the configured policy's (a challenge
   *     threshold above the configured deny threshold, say)
   */
  static TenantSettings settingsFor(TenantSettings base, TenantFlags tenantFlags) {
    DetectionSettings detection = base.detection();
    for (SignalType disabled : tenantFlags.disabledDetectors()) {
      detection = detection.without(disabled);
    }
    PolicySettings policy = base.policy();
    if (tenantFlags.mode() != null) {
      policy = policy.withMode(tenantFlags.mode());
    }
    if (tenantFlags.challengeAt() != null || tenantFlags.denyAt() != null) {
      policy = policy.withThresholds(
          tenantFlags.challengeAt() == null ? policy.challengeAt() : tenantFlags.challengeAt(),
          tenantFlags.denyAt() == null ? policy.denyAt() : tenantFlags.denyAt());
    }
    return base.withDetection(detection).withPolicy(policy);
  }
}
