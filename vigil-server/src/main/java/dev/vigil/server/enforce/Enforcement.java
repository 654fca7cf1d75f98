package dev.vigil.server.enforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.policy.Action;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.events.SecurityEvent;
import dev.vigil.server.events.SecurityEventPublisher;
import dev.vigil.server.events.SecurityEventType;
import dev.vigil.server.metrics.RiskLoginMetrics;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records, carries out and undoes actions ({@code incident_actions}, V51). The one place that knows the lock
 * protocol that keeps enforcement and rollback from losing each other's updates:
 *
 * <ul>
 *   <li>carrying out an action locks its row ({@code FOR UPDATE}), re-reads its status, acts and marks it DONE in
 *       the same transaction;
 *   <li>a rollback locks all of the incident's action rows; one still PENDING is CANCELLED (a runner that locks it
 *       afterwards sees CANCELLED and does nothing), one being carried out makes the rollback wait until it is
 *       DONE, and is then undone.
 * </ul>
 * Lock order everywhere: incident row, action rows, audit chain. Each adapter call runs in a savepoint, so a
 * failing one is recorded as FAILED / UNDO_FAILED without aborting the rest.
 */
@Service
public final class Enforcement {
  private static final Logger LOG = LoggerFactory.getLogger(Enforcement.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS = "*";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final TransactionTemplate savepoints;
  private final Enforcer enforcer;
  private final BlockList blocks;
  private final Pager pager;
  private final SecurityEventPublisher events;
  private final AuditLog audit;
  private final RiskLoginMetrics metrics;
  private final EnforceSettings settings;
  private final Clock clock;

  @SuppressWarnings("checkstyle:ParameterNumber") // the collaborators of the protocol above; each is one port
  Enforcement(JdbcClient jdbc, PlatformTransactionManager transactionManager, Enforcer enforcer, BlockList blocks,
      Pager pager, SecurityEventPublisher events, AuditLog audit, RiskLoginMetrics metrics, EnforceSettings settings,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.savepoints = new TransactionTemplate(transactionManager);
    this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.enforcer = enforcer;
    this.blocks = blocks;
    this.pager = pager;
    this.events = events;
    this.audit = audit;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Stores a planned action in the caller's transaction; an incident does each action to each target once.
   *
   * @return whether it is new
   */
  public boolean plan(PlannedAction planned) {
    return jdbc.sql("""
            INSERT INTO incident_actions (tenant_id, incident_id, action, target_kind, target_id, target_network,
                                          adapter, status, actor, trace_id, event_received_at, created_at)
            VALUES (:tenant, :incident, :action, :kind, :target, :network, :adapter, :status, 'system', :trace,
                    :received, :now)
            ON CONFLICT (incident_id, action, target_kind, target_id) WHERE incident_id IS NOT NULL DO NOTHING""")
        .param("tenant", planned.tenantId())
        .param("incident", UUID.fromString(planned.incidentId()))
        .param("action", planned.action().name())
        .param("kind", planned.target().kind().label())
        .param("target", planned.target().id())
        .param("network", planned.target().network())
        .param("adapter", adapterFor(planned.action()))
        .param("status", planned.initial().name())
        .param("trace", planned.traceId())
        .param("received", planned.eventReceivedAt() == null ? null : Timestamp.from(planned.eventReceivedAt()))
        .param("now", Timestamp.from(clock.instant()))
        .update() == 1;
  }

  /**
   * {@link #plan} for many actions in one statement, in list order: live detection plans every action of a group
   * commit's incidents at once. An action already planned (earlier in the list included) is left out.
   */
  public void planAll(List<PlannedAction> planned) {
    if (planned.isEmpty()) {
      return;
    }
    int n = planned.size();
    String[] tenants = new String[n];
    String[] incidents = new String[n];
    String[] actions = new String[n];
    String[] kinds = new String[n];
    String[] targets = new String[n];
    String[] networks = new String[n];
    String[] adapters = new String[n];
    String[] statuses = new String[n];
    String[] traces = new String[n];
    String[] received = new String[n];
    for (int i = 0; i < n; i++) {
      PlannedAction action = planned.get(i);
      tenants[i] = action.tenantId();
      incidents[i] = action.incidentId();
      actions[i] = action.action().name();
      kinds[i] = action.target().kind().label();
      targets[i] = action.target().id();
      networks[i] = action.target().network();
      adapters[i] = adapterFor(action.action());
      statuses[i] = action.initial().name();
      traces[i] = action.traceId();
      received[i] = action.eventReceivedAt() == null ? null : action.eventReceivedAt().toString();
    }
    jdbc.sql("""
            INSERT INTO incident_actions (tenant_id, incident_id, action, target_kind, target_id, target_network,
                                          adapter, status, actor, trace_id, event_received_at, created_at)
            SELECT t, CAST(i AS uuid), a, k, g, w, d, s, 'system', tr, CAST(r AS timestamptz), :now
              FROM unnest(CAST(:tenants AS text[]), CAST(:incidents AS text[]), CAST(:actions AS text[]),
                          CAST(:kinds AS text[]), CAST(:targets AS text[]), CAST(:networks AS text[]),
                          CAST(:adapters AS text[]), CAST(:statuses AS text[]), CAST(:traces AS text[]),
                          CAST(:received AS text[]))
                   WITH ORDINALITY AS p(t, i, a, k, g, w, d, s, tr, r, n)
             ORDER BY n
            ON CONFLICT (incident_id, action, target_kind, target_id) WHERE incident_id IS NOT NULL DO NOTHING""")
        .param("now", Timestamp.from(clock.instant()))
        .param("tenants", tenants)
        .param("incidents", incidents)
        .param("actions", actions)
        .param("kinds", kinds)
        .param("targets", targets)
        .param("networks", networks)
        .param("adapters", adapters)
        .param("statuses", statuses)
        .param("traces", traces)
        .param("received", received)
        .update();
  }

  /** Ids of the incident's actions still to carry out (PENDING, or FAILED with attempts left). */
  List<Long> runnable(String incidentId) {
    return jdbc.sql("""
            SELECT id FROM incident_actions
             WHERE incident_id = :incident AND status IN ('PENDING', 'FAILED') AND attempts < :max ORDER BY id""")
        .param("incident", UUID.fromString(incidentId)).param("max", settings.maxAttempts())
        .query(Long.class).list();
  }

  /** Ids of any tenant's actions to retry, oldest first. */
  List<Long> retryable(int limit) {
    return jdbc.sql("""
            SELECT id FROM incident_actions
             WHERE status IN ('PENDING', 'FAILED') AND attempts < :max AND created_at < :before
             ORDER BY id LIMIT :limit""")
        .param("max", settings.maxAttempts())
        .param("before", Timestamp.from(clock.instant().minusSeconds(1)))
        .param("limit", limit)
        .query(Long.class).list();
  }

  /** Carries out one action in its own transaction, unless it is no longer PENDING/FAILED (see the class doc). */
  void run(long actionId) {
    transactions.executeWithoutResult(status -> runLocked(actionId));
  }

  private Optional<ActionView> runLocked(long actionId) {
    Optional<Row> locked = jdbc.sql("SELECT " + COLUMNS + " FROM incident_actions WHERE id = :id FOR UPDATE")
        .param("id", actionId).query(Enforcement::row).optional();
    if (locked.isEmpty()) {
      return Optional.empty();
    }
    Row row = locked.get();
    if (row.status != ActionStatus.PENDING && row.status != ActionStatus.FAILED) {
      return Optional.of(row.view());
    }
    EnforcementRequest request = row.request();
    Applied applied;
    try {
      applied = savepoints.execute(s -> dispatch(request));
    } catch (RuntimeException e) {
      String error = describe(e);
      LOG.warn("action {} ({}) of tenant {} failed, attempt {}: {}", actionId, row.action, row.tenantId,
          row.attempts + 1, error);
      jdbc.sql("""
              UPDATE incident_actions SET status = 'FAILED', attempts = attempts + 1, last_error = :error,
                                          version = version + 1
               WHERE id = :id""")
          .param("error", error).param("id", actionId).update();
      return Optional.of(reread(actionId));
    }
    Instant now = clock.instant();
    jdbc.sql("""
            UPDATE incident_actions SET status = 'DONE', attempts = attempts + 1, before_state = :before,
                                        executed_at = :now, last_error = NULL, version = version + 1
             WHERE id = :id""")
        .param("before", json(applied)).param("now", Timestamp.from(now)).param("id", actionId).update();
    Duration latency = row.eventReceivedAt == null ? Duration.ZERO : Duration.between(row.eventReceivedAt, now);
    if (row.eventReceivedAt != null) {
      metrics.responseLatency(latency);
    }
    if (row.action == Action.FORCE_LOGOUT) {
      metrics.forcedLogout();
    }
    if (row.action == Action.BLOCK || row.action == Action.FORCE_LOGOUT || row.action == Action.FREEZE) {
      events.publish(new SecurityEvent(UUID.randomUUID(), SecurityEventType.LOGIN_BLOCKED, now, row.action.name(),
          row.incidentId, row.traceId, Math.max(0, latency.toMillis()), row.tenantId, row.target.display()));
    }
    audit.append(row.tenantId, row.actor, "enforce." + row.action.name().toLowerCase(java.util.Locale.ROOT),
        row.target.display(), details(row, applied.note()));
    LOG.debug("action {} ({}) of tenant {} done in {} ms", actionId, row.action, row.tenantId, latency.toMillis());
    return Optional.of(reread(actionId));
  }

  /**
   * Undoes, in the caller's transaction, everything the incident's actions did, newest first: cancels what has
   * not run, undoes what has (each in a savepoint), retries earlier failed undos. Idempotent.
   */
  public RollbackReport undoAll(String tenantId, String incidentId, String actor) {
    List<Row> rows = jdbc.sql("SELECT " + COLUMNS + """
             FROM incident_actions WHERE tenant_id = :tenant AND incident_id = :incident ORDER BY id DESC FOR UPDATE""")
        .param("tenant", tenantId).param("incident", UUID.fromString(incidentId))
        .query(Enforcement::row).list();
    Instant now = clock.instant();
    for (Row row : rows) {
      switch (row.status) {
        case PENDING, FAILED -> jdbc.sql("""
                UPDATE incident_actions SET status = 'CANCELLED', undone_at = :now, version = version + 1
                 WHERE id = :id""")
            .param("now", Timestamp.from(now)).param("id", row.id).update();
        case DONE, UNDO_FAILED -> undoOne(row, actor, now);
        case CANCELLED, RECORDED, NOT_ALLOWED, UNDONE -> { }
      }
    }
    List<ActionView> after = actionsOf(tenantId, incidentId);
    return new RollbackReport(after, after.stream().noneMatch(a -> a.status().needsUndo()));
  }

  private void undoOne(Row row, String actor, Instant now) {
    try {
      Applied applied = JSON.readValue(row.beforeState, Applied.class);
      savepoints.executeWithoutResult(s -> undoDispatch(row.request(), applied));
    } catch (RuntimeException | JsonProcessingException e) {
      String error = describe(e);
      LOG.warn("undo of action {} ({}) of tenant {} failed: {}", row.id, row.action, row.tenantId, error);
      jdbc.sql("""
              UPDATE incident_actions SET status = 'UNDO_FAILED', attempts = attempts + 1, last_error = :error,
                                          version = version + 1
               WHERE id = :id""")
          .param("error", error).param("id", row.id).update();
      return;
    }
    jdbc.sql("""
            UPDATE incident_actions SET status = 'UNDONE', undone_at = :now, last_error = NULL, version = version + 1
             WHERE id = :id""")
        .param("now", Timestamp.from(now)).param("id", row.id).update();
    audit.append(row.tenantId, actor, "enforce.undo." + row.action.name().toLowerCase(java.util.Locale.ROOT),
        row.target.display(), details(row, null));
  }

  /**
   * Carries out an analyst's action at once (no incident): records it, acts, audits, in one transaction.
   *
   * @return the action as stored: DONE, or FAILED with the adapter's reason
   */
  public ActionView manual(String tenantId, String actor, Action action, Target target, List<String> sessionIds) {
    return transactions.execute(status -> {
      long id = jdbc.sql("""
              INSERT INTO incident_actions (tenant_id, action, target_kind, target_id, target_network, session_ids,
                                            adapter, status, actor, trace_id, created_at)
              VALUES (:tenant, :action, :kind, :target, :network, :sessions, :adapter, 'PENDING', :actor, :trace, :now)
              RETURNING id""")
          .param("tenant", tenantId)
          .param("action", action.name())
          .param("kind", target.kind().label())
          .param("target", target.id())
          .param("network", target.network())
          .param("sessions", sessionIds.toArray(String[]::new))
          .param("adapter", adapterFor(action))
          .param("actor", actor)
          .param("trace", newTraceId())
          .param("now", Timestamp.from(clock.instant()))
          .query(Long.class).single();
      return runLocked(id).orElseThrow();
    });
  }

  /** An analyst's unfreeze: through the adapter, audited. Returns whether the account was frozen. */
  public boolean unfreeze(String tenantId, String actor, String userId) {
    return transactions.execute(status -> {
      EnforcementRequest request = new EnforcementRequest(tenantId, Action.FREEZE, Target.user(userId), List.of(),
          null, newTraceId());
      enforcer.undo(request, Applied.changed(true));
      audit.append(tenantId, actor, "enforce.unfreeze", request.target().display(), Map.of("adapter", enforcer.name()));
      return true;
    });
  }

  /**
   * A confirmed incident was closed: its page, if one went out, is resolved. Joins the caller's transaction (the
   * close), so the resolve is sent exactly when the close commits.
   */
  public void incidentClosed(String tenantId, String incidentId) {
    boolean paged = jdbc.sql("""
            SELECT EXISTS (SELECT 1 FROM incident_actions
                            WHERE tenant_id = :tenant AND incident_id = :incident AND action = 'PAGE'
                              AND status = 'DONE')""")
        .param("tenant", tenantId).param("incident", UUID.fromString(incidentId))
        .query(Boolean.class).single();
    if (paged) {
      pager.resolve(tenantId, incidentId);
    }
  }

  /** The incident's actions, oldest first. */
  public List<ActionView> actionsOf(String tenantId, String incidentId) {
    return jdbc.sql("SELECT " + COLUMNS + """
             FROM incident_actions WHERE tenant_id = :tenant AND incident_id = :incident ORDER BY id""")
        .param("tenant", tenantId).param("incident", UUID.fromString(incidentId))
        .query(Enforcement::row).list().stream().map(Row::view).toList();
  }

  /** A fresh W3C-style trace id (32 hex digits). */
  public static String newTraceId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private Applied dispatch(EnforcementRequest request) {
    return switch (request.action()) {
      case BLOCK -> {
        long id = blocks.block(request.tenantId(), request.target().id(), request.target().network(),
            request.incidentId(), "incident action");
        yield new Applied(true, List.of(), id, "source blocked");
      }
      case PAGE -> {
        pager.page(request.tenantId(), String.valueOf(request.incidentId()), request.traceId());
        yield Applied.noted("on-call paged");
      }
      case FORCE_LOGOUT, FREEZE, REQUIRE_MFA -> enforcer.apply(request);
      case NOTIFY_USER, OPEN_INCIDENT -> throw new IllegalArgumentException("not enforceable: " + request.action());
    };
  }

  private void undoDispatch(EnforcementRequest request, Applied applied) {
    switch (request.action()) {
      case BLOCK -> {
        if (applied.blockId() != null) {
          blocks.unblock(request.tenantId(), applied.blockId());
        }
      }
      // A page cannot be unsent; resolving it tells on-call the incident is over (so does the rollback event).
      case PAGE -> pager.resolve(request.tenantId(), String.valueOf(request.incidentId()));
      case FORCE_LOGOUT, FREEZE, REQUIRE_MFA -> enforcer.undo(request, applied);
      case NOTIFY_USER, OPEN_INCIDENT -> throw new IllegalArgumentException("not enforceable: " + request.action());
    }
  }

  private String adapterFor(Action action) {
    return switch (action) {
      case BLOCK -> "blocklist";
      case PAGE -> "pager";
      case FORCE_LOGOUT, FREEZE, REQUIRE_MFA, NOTIFY_USER, OPEN_INCIDENT -> enforcer.name();
    };
  }

  private ActionView reread(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM incident_actions WHERE id = :id").param("id", id)
        .query(Enforcement::row).single().view();
  }

  private static Map<String, String> details(Row row, @Nullable String note) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("actionId", Long.toString(row.id));
    details.put("incidentId", String.valueOf(row.incidentId));
    details.put("adapter", row.adapter);
    details.put("traceId", row.traceId);
    if (note != null) {
      details.put("note", note);
    }
    return details;
  }

  /** The exception's type and Vigil's own message; a driver's message could echo data, so it is left out. */
  private static String describe(Exception e) {
    String message = e instanceof EnforcementFailedException ? ": " + e.getMessage() : "";
    return e.getClass().getSimpleName() + message;
  }

  private static String json(Applied applied) {
    try {
      return JSON.writeValueAsString(applied);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Applied always serializes", e);
    }
  }

  private static Row row(ResultSet rs, int rowNum) throws SQLException {
    Array sessions = rs.getArray("session_ids");
    Timestamp received = rs.getTimestamp("event_received_at");
    Timestamp executed = rs.getTimestamp("executed_at");
    Timestamp undone = rs.getTimestamp("undone_at");
    String incident = rs.getString("incident_id");
    return new Row(rs.getLong("id"), rs.getString("tenant_id"), incident, Action.valueOf(rs.getString("action")),
        new Target(TargetKind.ofLabel(rs.getString("target_kind")), rs.getString("target_id"),
            rs.getString("target_network")),
        List.of((String[]) sessions.getArray()), rs.getString("adapter"), ActionStatus.valueOf(rs.getString("status")),
        rs.getString("before_state"), rs.getInt("attempts"), rs.getString("last_error"), rs.getString("actor"),
        rs.getString("trace_id"), received == null ? null : received.toInstant(),
        rs.getTimestamp("created_at").toInstant(), executed == null ? null : executed.toInstant(),
        undone == null ? null : undone.toInstant());
  }

  /** A row of {@code incident_actions}. */
  private record Row(long id, String tenantId, @Nullable String incidentId, Action action, Target target,
      List<String> sessionIds, String adapter, ActionStatus status, @Nullable String beforeState, int attempts,
      @Nullable String lastError, String actor, String traceId, @Nullable Instant eventReceivedAt, Instant createdAt,
      @Nullable Instant executedAt, @Nullable Instant undoneAt) {

    EnforcementRequest request() {
      return new EnforcementRequest(tenantId, action, target, sessionIds, incidentId, traceId);
    }

    ActionView view() {
      return new ActionView(id, incidentId, action.name(), target.display(), adapter, status, beforeState, attempts,
          lastError, createdAt, executedAt, undoneAt);
    }
  }
}
