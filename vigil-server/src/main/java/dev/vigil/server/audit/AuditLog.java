package dev.vigil.server.audit;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to and reads the {@code audit_log} table (V52).
 *
 * <p>Appends join the caller's transaction, so an action and its audit row commit together. Each tenant's chain
 * is extended under a transaction-scoped advisory lock on the tenant, so two concurrent appends cannot both
 * link to the same predecessor; the lock is held until commit, which is why callers append as their last
 * write (lock order everywhere: incident row, action rows, audit).
 */
@Component
public final class AuditLog {
  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Appends one entry to the tenant's chain.
   *
   * @param target what was acted on ({@code incident:<id>}, {@code user:<id>}, {@code tenant:<id>})
   * @param details string facts about the action; no raw IP, user agent, token or secret
   * @throws IllegalStateException outside a transaction (the entry must commit with the change it records)
   */
  public AuditEntry append(String tenantId, String actor, String action, String target, Map<String, String> details) {
    requireNonNull(tenantId, "tenantId");
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("audit entries are appended inside the transaction of the audited change");
    }
    ChainHead head = lockHead(tenantId);
    long seq = head.seq() + 1;
    String prevHash = head.hash();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String canonicalDetails = AuditChain.details(details);
    String hash = AuditChain.hash(prevHash, tenantId, seq, now, actor, action, target, canonicalDetails);
    jdbc.sql("""
            INSERT INTO audit_log (tenant_id, seq, occurred_at, actor, action, target, details, prev_hash, hash)
            VALUES (:tenant, :seq, :at, :actor, :action, :target, :details, :prev, :hash)""")
        .param("tenant", tenantId)
        .param("seq", seq)
        .param("at", Timestamp.from(now))
        .param("actor", actor)
        .param("action", action)
        .param("target", target)
        .param("details", canonicalDetails)
        .param("prev", prevHash)
        .param("hash", hash)
        .update();
    return new AuditEntry(tenantId, seq, now, actor, action, target, canonicalDetails, prevHash, hash);
  }

  /** What {@link #appendAll} appends for one change: {@link #append}'s arguments but the tenant and actor. */
  public record NewEntry(String action, String target, Map<String, String> details) {
    public NewEntry {
      requireNonNull(action, "action");
      requireNonNull(target, "target");
      details = Map.copyOf(details);
    }
  }

  /**
   * {@link #append} for many entries of one tenant and actor, in list order, under one lock with one insert: live
   * detection audits every login a group commit attaches to incidents (hundreds during an attack) at once.
   *
   * @throws IllegalStateException outside a transaction
   */
  public void appendAll(String tenantId, String actor, List<NewEntry> entries) {
    requireNonNull(tenantId, "tenantId");
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("audit entries are appended inside the transaction of the audited change");
    }
    if (entries.isEmpty()) {
      return;
    }
    ChainHead head = lockHead(tenantId);
    long seq = head.seq();
    String prevHash = head.hash();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int n = entries.size();
    long[] seqs = new long[n];
    String[] actions = new String[n];
    String[] targets = new String[n];
    String[] details = new String[n];
    String[] prevHashes = new String[n];
    String[] hashes = new String[n];
    for (int i = 0; i < n; i++) {
      NewEntry entry = entries.get(i);
      seqs[i] = ++seq;
      actions[i] = entry.action();
      targets[i] = entry.target();
      details[i] = AuditChain.details(entry.details());
      prevHashes[i] = prevHash;
      hashes[i] = AuditChain.hash(prevHash, tenantId, seq, now, actor, entry.action(), entry.target(), details[i]);
      prevHash = hashes[i];
    }
    jdbc.sql("""
            INSERT INTO audit_log (tenant_id, seq, occurred_at, actor, action, target, details, prev_hash, hash)
            SELECT :tenant, s, :at, :actor, a, t, d, p, h
              FROM unnest(CAST(:seqs AS bigint[]), CAST(:actions AS text[]), CAST(:targets AS text[]),
                          CAST(:details AS text[]), CAST(:prevHashes AS text[]), CAST(:hashes AS text[]))
                   AS r(s, a, t, d, p, h)""")
        .param("tenant", tenantId)
        .param("at", Timestamp.from(now))
        .param("actor", actor)
        .param("seqs", seqs)
        .param("actions", actions)
        .param("targets", targets)
        .param("details", details)
        .param("prevHashes", prevHashes)
        .param("hashes", hashes)
        .update();
  }

  /** The tenant's last entry (seq 0 and the genesis hash for none), read under the tenant's chain lock. */
  private ChainHead lockHead(String tenantId) {
    // Held to the end of the transaction: appends of one tenant are serialised, so seq and prev_hash never fork.
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('vigil.audit:' || :tenant, 0))")
        .param("tenant", tenantId)
        .query((rs, n) -> 1)
        .list();
    return jdbc.sql("""
            SELECT seq, hash FROM audit_log WHERE tenant_id = :tenant ORDER BY seq DESC LIMIT 1""")
        .param("tenant", tenantId)
        .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
        .optional()
        .orElse(new ChainHead(0, AuditChain.GENESIS));
  }

  private record ChainHead(long seq, String hash) {}

  /** A page of the tenant's entries, newest first. */
  public List<AuditEntry> page(String tenantId, int page, int size) {
    return page(tenantId, AuditFilter.NONE, page, size);
  }

  /** A page of the tenant's entries that pass {@code filter}, newest first. */
  List<AuditEntry> page(String tenantId, AuditFilter filter, int page, int size) {
    return jdbc.sql("SELECT * FROM audit_log WHERE tenant_id = :tenant " + FILTER
            + " ORDER BY seq DESC LIMIT :size OFFSET :offset")
        .param("tenant", tenantId)
        .params(filter.parameters())
        .param("size", size)
        .param("offset", (long) page * size)
        .query(AuditLog::row)
        .list();
  }

  public long count(String tenantId) {
    return count(tenantId, AuditFilter.NONE);
  }

  long count(String tenantId, AuditFilter filter) {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE tenant_id = :tenant " + FILTER)
        .param("tenant", tenantId).params(filter.parameters()).query(Long.class).single();
  }

  // Actor and action match exactly, the text anywhere in target or details (ignoring case); an empty one matches all.
  private static final String FILTER = """
       AND (:actor = '' OR actor = :actor) AND (:action = '' OR action = :action)
       AND (:text = '%%' OR target ILIKE :text ESCAPE '\\' OR details ILIKE :text ESCAPE '\\')""";

  /** Every entry of the tenant in chain order, for the verifier (streamed page by page by the caller). */
  List<AuditEntry> chainFrom(String tenantId, long afterSeq, int limit) {
    return jdbc.sql("""
            SELECT * FROM audit_log WHERE tenant_id = :tenant AND seq > :after ORDER BY seq LIMIT :limit""")
        .param("tenant", tenantId)
        .param("after", afterSeq)
        .param("limit", limit)
        .query(AuditLog::row)
        .list();
  }

  static AuditEntry row(ResultSet rs, int rowNum) throws SQLException {
    return new AuditEntry(rs.getString("tenant_id"), rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("details"),
        rs.getString("prev_hash"), rs.getString("hash"));
  }
}
