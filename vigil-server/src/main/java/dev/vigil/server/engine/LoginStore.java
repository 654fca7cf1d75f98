package dev.vigil.server.engine;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Assessment;
import dev.vigil.server.alert.AlertStore;
import dev.vigil.server.alert.SecurityAlert;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code login_events} and {@code assessments} tables (migrations V1, V2). An assessment is kept as the exact
 * JSON first returned, so a repeated eventId gets byte-for-byte the same answer.
 *
 * <p>Batches are written with a few statements per transaction whatever their size, which is what makes group
 * commit pay: a batch of {@link #COPY_FROM} or more logins with one binary {@code COPY} per table
 * ({@link BinaryCopy}); a smaller one with one multi-row statement per table ({@code unnest} over arrays, so the
 * SQL text is fixed and prepared once); alerts through {@link AlertStore#recordAll}. The pipeline hands the writer
 * only eventIds it believes new ({@link KnownEvents}), so {@code COPY}, which cannot skip a stored key, almost
 * always succeeds; when it meets one, the batch is stored again in a new transaction with the insert, whose
 * {@code ON CONFLICT DO NOTHING} on (tenant, eventId) keeps the first assessment of an event that another batch,
 * or an earlier process, stored already.
 *
 * <p>A {@code @Component}, not a {@code @Repository}: the latter would proxy this final class for exception
 * translation, which {@link JdbcClient} already does.
 */
@Component
final class LoginStore implements LoginLog {
  private static final Logger LOG = LoggerFactory.getLogger(LoginStore.class);
  /**
   * Batches of at least this many new logins are stored with {@code COPY}, smaller ones with one multi-row
   * {@code INSERT}: {@code COPY} takes two round trips per table (and one for the last {@code seq}) where the
   * insert takes one, which only a batch of some size earns back.
   */
  static final int COPY_FROM = 32;
  private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final AlertStore alerts;

  LoginStore(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, AlertStore alerts) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.alerts = alerts;
  }

  Optional<String> findAssessment(String tenantId, String eventId) {
    return jdbc.sql("""
            SELECT assessment::text FROM assessments WHERE tenant_id = :tenant AND event_id = :event
            """)
        .param("tenant", tenantId)
        .param("event", eventId)
        .query(String.class)
        .optional();
  }

  /** The stored assessments among {@code events}, by {@link #key}. */
  Map<String, String> findAssessments(List<LoginEvent> events) {
    if (events.isEmpty()) {
      return Map.of();
    }
    if (events.size() == 1) {
      LoginEvent event = events.getFirst();
      return findAssessment(event.tenantId(), event.eventId())
          .map(json -> Map.of(key(event.tenantId(), event.eventId()), json))
          .orElse(Map.of());
    }
    String[] tenants = new String[events.size()];
    String[] eventIds = new String[events.size()];
    for (int i = 0; i < events.size(); i++) {
      tenants[i] = events.get(i).tenantId();
      eventIds[i] = events.get(i).eventId();
    }
    return storedAssessments(tenants, eventIds);
  }

  /** The largest {@code seq} stored; 0 for an empty table. */
  long lastSeq() {
    return jdbc.sql("SELECT coalesce(max(seq), 0) FROM login_events").query(Long.class).single();
  }

  @Override
  public Appended append(List<PendingWrite> batch) {
    // The first write of each key is the one to store; later ones in the batch repeat it.
    Map<String, PendingWrite> firsts = new LinkedHashMap<>();
    for (PendingWrite write : batch) {
      firsts.putIfAbsent(write.key(), write);
    }
    List<PendingWrite> candidates = List.copyOf(firsts.values());
    if (candidates.size() >= COPY_FROM) {
      try {
        return inTransaction(() -> appendInTransaction(batch, firsts, candidates, copyEvents(candidates)));
      } catch (DuplicateKeyException e) {
        // A key stored already (the same eventId sent twice at once, or a row written past the pipeline): the
        // whole COPY rolled back; store the batch again with the statement that skips stored keys.
        LOG.debug("{} logins: an eventId was stored already; inserting without COPY", candidates.size());
      }
    }
    return inTransaction(() -> appendInTransaction(batch, firsts, candidates, insertEvents(candidates)));
  }

  private Appended inTransaction(Supplier<Appended> work) {
    Appended appended = transactions.execute(status -> work.get());
    if (appended == null) {
      throw new IllegalStateException("the batch transaction returned nothing");
    }
    return appended;
  }

  private Appended appendInTransaction(List<PendingWrite> batch, Map<String, PendingWrite> firsts,
      List<PendingWrite> candidates, Inserted inserted) {
    List<PendingWrite> fresh = inserted.all() ? candidates : candidates.stream().filter(inserted::isNew).toList();
    if (inserted.all()) {
      copyAssessments(fresh);
    } else {
      insertAssessments(fresh);
    }

    List<Optional<SecurityAlert>> raised = fresh.isEmpty() ? List.of()
        : alerts.recordAll(fresh.stream().map(PendingWrite::assessment).toList(), fresh.getLast().login().receivedAt());
    List<AssessedLogin> answers = new ArrayList<>(batch.size());
    if (inserted.all() && candidates.size() == batch.size()) {
      // Every write new and none repeated in the batch (the usual case): answers in order, no key look-ups.
      for (int i = 0; i < fresh.size(); i++) {
        answers.add(new AssessedLogin(fresh.get(i).json(), fresh.get(i).assessment(), raised.get(i)));
      }
      return new Appended(answers, inserted.lastSeq());
    }
    Map<String, AssessedLogin> firstAnswers = new HashMap<>();
    for (int i = 0; i < fresh.size(); i++) {
      PendingWrite write = fresh.get(i);
      firstAnswers.put(write.key(), new AssessedLogin(write.json(), write.assessment(), raised.get(i)));
    }
    List<PendingWrite> storedBefore = inserted.all() ? List.of()
        : candidates.stream().filter(w -> !inserted.isNew(w)).toList();
    if (!storedBefore.isEmpty()) {
      Map<String, String> stored = storedAssessments(
          storedBefore.stream().map(w -> w.login().event().tenantId()).toArray(String[]::new),
          storedBefore.stream().map(w -> w.login().event().eventId()).toArray(String[]::new));
      for (PendingWrite write : storedBefore) {
        firstAnswers.put(write.key(), repeated(stored.getOrDefault(write.key(), write.json())));
      }
    }
    for (PendingWrite write : batch) {
      AssessedLogin first = firstAnswers.get(write.key());
      answers.add(firsts.get(write.key()) == write ? first : repeated(first.json()));
    }
    return new Appended(answers, inserted.lastSeq());
  }

  /**
   * Which of the candidates were stored now, and the largest {@code seq} written (0 when none).
   *
   * @param newKeys the keys stored now; null when every candidate was (COPY stores all or nothing)
   */
  private record Inserted(@Nullable Set<String> newKeys, long lastSeq) {
    boolean all() {
      return newKeys == null;
    }

    boolean isNew(PendingWrite write) {
      return newKeys == null || newKeys.contains(write.key());
    }
  }

  private static AssessedLogin repeated(String json) {
    return new AssessedLogin(json, null, Optional.empty());
  }

  /**
   * Inserts the events in batch order (so {@code seq} follows engine order), skipping keys stored before.
   */
  private Inserted insertEvents(List<PendingWrite> writes) {
    int n = writes.size();
    String[] tenant = new String[n];
    String[] eventId = new String[n];
    String[] user = new String[n];
    long[] occurredAt = new long[n];
    String[] outcome = new String[n];
    String[] failureReason = new String[n];
    String[] ipHmac = new String[n];
    String[] ipMasked = new String[n];
    String[] userAgent = new String[n];
    String[] userAgentHmac = new String[n];
    boolean[] devicePresent = new boolean[n];
    String[] authMethod = new String[n];
    long[] receivedAt = new long[n];
    String[] rawEvent = new String[n];
    String[] country = new String[n];
    for (int i = 0; i < n; i++) {
      StoredLogin login = writes.get(i).login();
      LoginEvent event = login.event();
      tenant[i] = event.tenantId();
      eventId[i] = event.eventId();
      user[i] = event.userId();
      occurredAt[i] = micros(event.timestamp());
      outcome[i] = event.outcome().name();
      failureReason[i] = event.failureReason() == null ? null : event.failureReason().name();
      ipHmac[i] = login.ipHmac();
      ipMasked[i] = login.ipMasked();
      userAgent[i] = login.userAgentDisplay();
      userAgentHmac[i] = login.userAgentHmac();
      devicePresent[i] = event.deviceId() != null;
      authMethod[i] = event.authMethod();
      receivedAt[i] = micros(login.receivedAt());
      rawEvent[i] = login.rawEventJson();
      country[i] = login.country();
    }
    List<Map.Entry<String, Long>> rows = jdbc.sql("""
            INSERT INTO login_events (tenant_id, event_id, user_id, occurred_at, outcome, failure_reason,
                                      ip_hmac, ip_masked, user_agent_display, device_present, auth_method,
                                      received_at, raw_event, user_agent_hmac, country)
            SELECT t, e, u, timestamptz 'epoch' + o * interval '1 microsecond', oc, fr, ih, im, ua, dp, am,
                   timestamptz 'epoch' + ra * interval '1 microsecond', raw, uh, co
              FROM unnest(CAST(:tenant AS text[]), CAST(:event AS text[]), CAST(:user AS text[]),
                          CAST(:occurredAt AS bigint[]), CAST(:outcome AS text[]), CAST(:failureReason AS text[]),
                          CAST(:ipHmac AS text[]), CAST(:ipMasked AS text[]), CAST(:userAgent AS text[]),
                          CAST(:devicePresent AS boolean[]), CAST(:authMethod AS text[]),
                          CAST(:receivedAt AS bigint[]), CAST(:rawEvent AS text[]),
                          CAST(:userAgentHmac AS text[]), CAST(:country AS text[]))
                   WITH ORDINALITY AS r(t, e, u, o, oc, fr, ih, im, ua, dp, am, ra, raw, uh, co, n)
             ORDER BY n
            ON CONFLICT (tenant_id, event_id) DO NOTHING
            RETURNING tenant_id, event_id, seq""")
        .param("tenant", TextArray.of(tenant))
        .param("event", TextArray.of(eventId))
        .param("user", TextArray.of(user))
        .param("occurredAt", occurredAt)
        .param("outcome", TextArray.of(outcome))
        .param("failureReason", TextArray.of(failureReason))
        .param("ipHmac", TextArray.of(ipHmac))
        .param("ipMasked", TextArray.of(ipMasked))
        .param("userAgent", TextArray.of(userAgent))
        .param("devicePresent", devicePresent)
        .param("authMethod", TextArray.of(authMethod))
        .param("receivedAt", receivedAt)
        .param("rawEvent", TextArray.of(rawEvent))
        .param("userAgentHmac", TextArray.of(userAgentHmac))
        .param("country", TextArray.of(country))
        .query((rs, row) -> Map.entry(key(rs.getString(1), rs.getString(2)), rs.getLong(3)))
        .list();
    Set<String> inserted = new HashSet<>();
    long lastSeq = 0;
    for (Map.Entry<String, Long> row : rows) {
      inserted.add(row.getKey());
      lastSeq = Math.max(lastSeq, row.getValue());
    }
    return new Inserted(inserted, lastSeq);
  }

  /**
   * Stores every event with one binary {@code COPY} in batch order (so {@code seq} follows engine order).
   *
   * @throws DuplicateKeyException when any key was stored before; then nothing is (the transaction is aborted)
   */
  private Inserted copyEvents(List<PendingWrite> writes) {
    BinaryCopy rows = new BinaryCopy(writes.size() * 768);
    for (PendingWrite write : writes) {
      StoredLogin login = write.login();
      LoginEvent event = login.event();
      rows.row(15)
          .text(event.tenantId())
          .text(event.eventId())
          .text(event.userId())
          .timestamptz(event.timestamp())
          .text(event.outcome().name())
          .text(event.failureReason() == null ? null : event.failureReason().name())
          .text(login.ipHmac())
          .text(login.ipMasked())
          .text(login.userAgentDisplay())
          .bool(event.deviceId() != null)
          .text(event.authMethod())
          .timestamptz(login.receivedAt())
          .text(login.rawEventJson())
          .text(login.userAgentHmac())
          .text(login.country());
    }
    copy("""
        COPY login_events (tenant_id, event_id, user_id, occurred_at, outcome, failure_reason, ip_hmac, ip_masked,
                           user_agent_display, device_present, auth_method, received_at, raw_event,
                           user_agent_hmac, country)
          FROM STDIN (FORMAT binary)""", rows);
    // One writer stores logins, so this session's last seq is the batch's largest.
    long lastSeq = jdbc.sql("SELECT currval(pg_get_serial_sequence('login_events', 'seq'))")
        .query(Long.class).single();
    return new Inserted(null, lastSeq);
  }

  private void copyAssessments(List<PendingWrite> writes) {
    BinaryCopy rows = new BinaryCopy(writes.size() * 512);
    for (PendingWrite write : writes) {
      rows.row(6)
          .text(write.login().event().tenantId())
          .text(write.login().event().eventId())
          .smallint(write.assessment().score())
          .text(write.assessment().decision().name())
          .text(write.json())
          .timestamptz(write.login().receivedAt());
    }
    copy("""
        COPY assessments (tenant_id, event_id, score, decision, assessment, created_at)
          FROM STDIN (FORMAT binary)""", rows);
  }

  /** Runs a {@code COPY … FROM STDIN} on the transaction's connection. */
  private void copy(String sql, BinaryCopy rows) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      try {
        byte[] bytes = rows.finish();
        copy.writeToCopy(bytes, 0, rows.size());
        copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    } catch (SQLException e) {
      // The SQLSTATE translator maps a unique violation (23505) to DuplicateKeyException, which append() catches.
      DataAccessException translated = TRANSLATOR.translate("COPY", sql, e);
      throw translated != null ? translated : new UncategorizedSQLException("COPY", sql, e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private void insertAssessments(List<PendingWrite> writes) {
    if (writes.isEmpty()) {
      return;
    }
    int n = writes.size();
    String[] tenant = new String[n];
    String[] eventId = new String[n];
    int[] score = new int[n];
    String[] decision = new String[n];
    String[] json = new String[n];
    long[] createdAt = new long[n];
    for (int i = 0; i < n; i++) {
      PendingWrite write = writes.get(i);
      Assessment assessment = write.assessment();
      tenant[i] = write.login().event().tenantId();
      eventId[i] = write.login().event().eventId();
      score[i] = assessment.score();
      decision[i] = assessment.decision().name();
      json[i] = write.json();
      createdAt[i] = micros(write.login().receivedAt());
    }
    jdbc.sql("""
            INSERT INTO assessments (tenant_id, event_id, score, decision, assessment, created_at)
            SELECT t, e, s, d, CAST(j AS json), timestamptz 'epoch' + c * interval '1 microsecond'
              FROM unnest(CAST(:tenant AS text[]), CAST(:event AS text[]), CAST(:score AS int[]),
                          CAST(:decision AS text[]), CAST(:json AS text[]), CAST(:createdAt AS bigint[]))
                   AS r(t, e, s, d, j, c)""")
        .param("tenant", TextArray.of(tenant))
        .param("event", TextArray.of(eventId))
        .param("score", score)
        .param("decision", TextArray.of(decision))
        .param("json", TextArray.of(json))
        .param("createdAt", createdAt)
        .update();
  }

  private Map<String, String> storedAssessments(String[] tenants, String[] eventIds) {
    List<Map.Entry<String, String>> rows = jdbc.sql("""
            SELECT a.tenant_id, a.event_id, a.assessment::text
              FROM assessments a
              JOIN unnest(CAST(:tenant AS text[]), CAST(:event AS text[])) AS k(t, e)
                ON a.tenant_id = k.t AND a.event_id = k.e""")
        .param("tenant", TextArray.of(tenants))
        .param("event", TextArray.of(eventIds))
        .query((rs, row) -> Map.entry(key(rs.getString(1), rs.getString(2)), rs.getString(3)))
        .list();
    Map<String, String> stored = new HashMap<>();
    rows.forEach(row -> stored.put(row.getKey(), row.getValue()));
    return stored;
  }

  /** Microseconds since the epoch: PostgreSQL's own precision, sent as a number rather than formatted. */
  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  static String key(String tenantId, String eventId) {
    return tenantId + '\u0000' + eventId;
  }
}
