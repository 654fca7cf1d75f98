package dev.vigil.server.flags;

import dev.vigil.core.policy.Action;
import dev.vigil.core.policy.PolicyMode;
import dev.vigil.core.signal.SignalType;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.caller.Caller;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code tenant_policy} table (V53). Read on every incident decision (one primary-key look-up, no cache, so
 * a change applies to the next login on every node); written by the admin API, audited.
 */
@Component
public final class FlagStore {
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final AuditLog audit;
  private final Clock clock;

  FlagStore(JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.audit = audit;
    this.clock = clock;
  }

  public TenantFlags get(String tenantId) {
    return jdbc.sql("SELECT * FROM tenant_policy WHERE tenant_id = :tenant")
        .param("tenant", tenantId)
        .query(FlagStore::row)
        .optional()
        .orElseGet(() -> TenantFlags.defaults(tenantId));
  }

  /** Replaces the tenant's flags and audits the change; returns them with the new version. */
  TenantFlags put(Caller caller, TenantFlags flags) {
    return transactions.execute(status -> {
      TenantFlags stored = jdbc.sql("""
              INSERT INTO tenant_policy (tenant_id, mode, allowed_actions, disabled_detectors, challenge_at, deny_at,
                                         incident_at, playbook_actions, playbook_at, version, updated_at)
              VALUES (:tenant, :mode, :allowed, :disabled, :challengeAt, :denyAt, :incidentAt, :playbook,
                      :playbookAt, 0, :now)
              ON CONFLICT (tenant_id) DO UPDATE SET
                  mode = EXCLUDED.mode, allowed_actions = EXCLUDED.allowed_actions,
                  disabled_detectors = EXCLUDED.disabled_detectors, challenge_at = EXCLUDED.challenge_at,
                  deny_at = EXCLUDED.deny_at, incident_at = EXCLUDED.incident_at,
                  playbook_actions = EXCLUDED.playbook_actions, playbook_at = EXCLUDED.playbook_at,
                  version = tenant_policy.version + 1, updated_at = EXCLUDED.updated_at
              RETURNING *""")
          .param("tenant", flags.tenantId())
          .param("mode", flags.mode() == null ? null : flags.mode().name())
          .param("allowed", names(flags.allowedActions()))
          .param("disabled", names(flags.disabledDetectors()))
          .param("challengeAt", flags.challengeAt())
          .param("denyAt", flags.denyAt())
          .param("incidentAt", flags.incidentAt())
          .param("playbook", names(flags.playbookActions()))
          .param("playbookAt", flags.playbookAt())
          .param("now", Timestamp.from(clock.instant()))
          .query(FlagStore::row)
          .single();
      Map<String, String> details = new LinkedHashMap<>();
      details.put("mode", String.valueOf(stored.mode()));
      details.put("allowedActions", String.valueOf(new java.util.TreeSet<>(stored.allowedActions())));
      details.put("disabledDetectors", String.valueOf(new java.util.TreeSet<>(stored.disabledDetectors())));
      details.put("challengeAt", String.valueOf(stored.challengeAt()));
      details.put("denyAt", String.valueOf(stored.denyAt()));
      details.put("incidentAt", String.valueOf(stored.incidentAt()));
      details.put("playbookActions", String.valueOf(new java.util.TreeSet<>(stored.playbookActions())));
      details.put("playbookAt", String.valueOf(stored.playbookAt()));
      details.put("version", String.valueOf(stored.version()));
      audit.append(flags.tenantId(), caller.actor(), "flags.update", "tenant:" + flags.tenantId(), details);
      return stored;
    });
  }

  private static String[] names(Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().toArray(String[]::new);
  }

  private static TenantFlags row(ResultSet rs, int rowNum) throws SQLException {
    String mode = rs.getString("mode");
    Integer incidentAtOrNull = rs.getObject("incident_at", Integer.class);
    return new TenantFlags(rs.getString("tenant_id"), mode == null ? null : PolicyMode.valueOf(mode),
        enums(rs.getArray("allowed_actions"), Action.class, Action::valueOf),
        enums(rs.getArray("disabled_detectors"), SignalType.class, SignalType::valueOf),
        rs.getObject("challenge_at", Integer.class), rs.getObject("deny_at", Integer.class), incidentAtOrNull,
        enums(rs.getArray("playbook_actions"), Action.class, Action::valueOf),
        rs.getInt("playbook_at"), rs.getInt("version"));
  }

  private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type, Function<String, E> parse)
      throws SQLException {
    EnumSet<E> set = EnumSet.noneOf(type);
    for (String name : (String[]) array.getArray()) {
      set.add(parse.apply(name));
    }
    return set;
  }
}
