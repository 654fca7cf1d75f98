package dev.vigil.server.incident;

import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.RiskLevel;
import dev.vigil.core.signal.SignalType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code incidents}, {@code incident_events} and {@code incident_timeline} tables (V50). Every read and
 * write is scoped to one tenant, so an id from another tenant finds nothing.
 */
@Component
final class IncidentStore {
  private final JdbcClient jdbc;

  IncidentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What the detecting side knows of a stored login besides its assessment. */
  record LoginFacts(String assessmentJson, String ipHmac, String ipMasked, Instant receivedAt) {
    @Override
    public String toString() {
      return "LoginFacts[redacted]";
    }
  }

  /** The result of {@link #openOrAttach}: the incident and whether it was opened now. */
  record Ref(String id, String traceId, boolean opened) {}

  Optional<LoginFacts> loginFacts(String tenantId, String eventId) {
    return jdbc.sql("""
            SELECT a.assessment::text AS assessment, e.ip_hmac, e.ip_masked, e.received_at
              FROM assessments a JOIN login_events e USING (tenant_id, event_id)
             WHERE a.tenant_id = :tenant AND a.event_id = :event""")
        .param("tenant", tenantId).param("event", eventId)
        .query(IncidentStore::facts).optional();
  }

  /** A stored login that raised an alert, with whether it is in an incident already. */
  record DetectedLogin(String tenantId, String eventId, LoginFacts facts, boolean inIncident) {}

  /**
   * {@link #loginFacts} and {@link #eventInIncident} for many logins in one query: live detection reads every
   * alerting login of a group commit at once (an attack's commit carries hundreds). Logins not stored are left
   * out; the order is not the argument's.
   */
  List<DetectedLogin> detectedLogins(List<String> tenantIds, List<String> eventIds) {
    if (tenantIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT a.tenant_id, a.event_id, a.assessment::text AS assessment, e.ip_hmac, e.ip_masked, e.received_at,
                   i.event_id IS NOT NULL AS in_incident
              FROM unnest(CAST(:tenants AS text[]), CAST(:events AS text[])) AS k(tenant_id, event_id)
              JOIN assessments a ON a.tenant_id = k.tenant_id AND a.event_id = k.event_id
              JOIN login_events e ON e.tenant_id = k.tenant_id AND e.event_id = k.event_id
              LEFT JOIN incident_events i ON i.tenant_id = k.tenant_id AND i.event_id = k.event_id""")
        .param("tenants", tenantIds.toArray(String[]::new))
        .param("events", eventIds.toArray(String[]::new))
        .query((rs, n) -> new DetectedLogin(rs.getString("tenant_id"), rs.getString("event_id"), facts(rs, n),
            rs.getBoolean("in_incident")))
        .list();
  }

  /**
   * Stored logins not yet in any incident, in arrival order: a user's, or a time range's (both optional).
   */
  List<LoginFacts> unattachedLogins(String tenantId, @Nullable String userId, @Nullable Instant from,
      @Nullable Instant to, int limit) {
    StringBuilder sql = new StringBuilder("""
        SELECT a.assessment::text AS assessment, e.ip_hmac, e.ip_masked, e.received_at
          FROM assessments a JOIN login_events e USING (tenant_id, event_id)
         WHERE e.tenant_id = :tenant
           AND NOT EXISTS (SELECT 1 FROM incident_events i WHERE i.tenant_id = e.tenant_id AND i.event_id = e.event_id)
        """);
    if (userId != null) {
      sql.append(" AND e.user_id = :user");
    }
    if (from != null) {
      sql.append(" AND e.occurred_at >= :from");
    }
    if (to != null) {
      sql.append(" AND e.occurred_at < :to");
    }
    sql.append(" ORDER BY e.seq LIMIT :limit");
    var statement = jdbc.sql(sql.toString()).param("tenant", tenantId).param("limit", limit);
    if (userId != null) {
      statement = statement.param("user", userId);
    }
    if (from != null) {
      statement = statement.param("from", Timestamp.from(from));
    }
    if (to != null) {
      statement = statement.param("to", Timestamp.from(to));
    }
    return statement.query(IncidentStore::facts).list();
  }

  /**
   * How a login joins its subject's OPEN or ACKNOWLEDGED incident, shared by {@link #openOrAttach} and
   * {@link #openOrAttachAll}: the higher score and its severity band, the union of the signals, and the version moved
   * on once per login (an inserted row's {@code version} carries the logins beyond the first: 0 for one login).
   */
  private static final String JOIN_OPEN_INCIDENT = """
      ON CONFLICT (tenant_id, subject_kind, subject_id) WHERE status IN ('OPEN', 'ACKNOWLEDGED') DO UPDATE SET
          max_score = greatest(incidents.max_score, EXCLUDED.max_score),
          severity = CASE WHEN greatest(incidents.max_score, EXCLUDED.max_score) >= 85 THEN 'critical'
                          WHEN greatest(incidents.max_score, EXCLUDED.max_score) >= 60 THEN 'high'
                          WHEN greatest(incidents.max_score, EXCLUDED.max_score) >= 30 THEN 'medium'
                          ELSE 'low' END,
          signal_types = ARRAY(SELECT DISTINCT s FROM unnest(incidents.signal_types || EXCLUDED.signal_types) s
                               ORDER BY s),
          updated_at = EXCLUDED.updated_at,
          version = incidents.version + EXCLUDED.version + 1
      """;

  boolean eventInIncident(String tenantId, String eventId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM incident_events WHERE tenant_id = :tenant AND event_id = :event)")
        .param("tenant", tenantId).param("event", eventId).query(Boolean.class).single();
  }

  /**
   * Opens an incident for the subject, or — when one is OPEN or ACKNOWLEDGED — attaches to it, raising its score
   * and merging signals. One statement against the partial unique index, so concurrent logins of one subject can
   * never open two.
   */
  Ref openOrAttach(String tenantId, Subject subject, int score, Collection<SignalType> signals, Origin origin,
      @Nullable String note, String traceId, Instant now) {
    return jdbc.sql("""
            INSERT INTO incidents (id, tenant_id, subject_kind, subject_id, status, severity, max_score, signal_types,
                                   origin, trace_id, note, opened_at, updated_at)
            VALUES (:id, :tenant, :kind, :subject, 'OPEN', :severity, :score, :signals, :origin, :trace, :note,
                    :now, :now)
            """ + JOIN_OPEN_INCIDENT + """
            RETURNING id::text, trace_id, (xmax = 0) AS opened""")
        .param("id", UUID.randomUUID())
        .param("tenant", tenantId)
        .param("kind", subject.kindLabel())
        .param("subject", subject.id())
        .param("severity", severity(score))
        .param("score", score)
        .param("signals", labels(signals))
        .param("origin", origin.label())
        .param("trace", traceId)
        .param("note", note)
        .param("now", Timestamp.from(now))
        .query((rs, n) -> new Ref(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
        .single();
  }

  /**
   * What {@link #openOrAttachAll} does for one subject: the logins of one commit that open or join its incident.
   *
   * @param score the highest score of those logins
   * @param signals the union of their counted signals
   * @param logins how many they are; the incident's version moves on by as much, as one upsert per login did
   */
  record Joining(String tenantId, Subject subject, int score, Collection<SignalType> signals, String traceId,
      int logins) {}

  /**
   * {@link #openOrAttach} for many subjects in one statement, each subject once.
   *
   * @return each subject's incident, in the argument's order
   */
  List<Ref> openOrAttachAll(List<Joining> joinings, Origin origin, Instant now) {
    int n = joinings.size();
    String[] ids = new String[n];
    String[] tenants = new String[n];
    String[] kinds = new String[n];
    String[] subjects = new String[n];
    String[] severities = new String[n];
    int[] scores = new int[n];
    String[] signals = new String[n];
    String[] traces = new String[n];
    int[] logins = new int[n];
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Joining joining = joinings.get(i);
      ids[i] = UUID.randomUUID().toString();
      tenants[i] = joining.tenantId();
      kinds[i] = joining.subject().kindLabel();
      subjects[i] = joining.subject().id();
      severities[i] = severity(joining.score());
      scores[i] = joining.score();
      // lower-case identifiers ([a-z_]), so joining with a comma and splitting in SQL is exact
      signals[i] = String.join(",", labels(joining.signals()));
      traces[i] = joining.traceId();
      logins[i] = joining.logins();
      if (index.put(subjectKey(tenants[i], kinds[i], subjects[i]), i) != null) {
        throw new IllegalArgumentException("each subject once: " + joining.subject().kindLabel());
      }
    }
    Ref[] refs = new Ref[n];
    jdbc.sql("""
            INSERT INTO incidents (id, tenant_id, subject_kind, subject_id, status, severity, max_score, signal_types,
                                   origin, trace_id, note, opened_at, updated_at, version)
            SELECT CAST(i AS uuid), t, k, s, 'OPEN', sv, sc, string_to_array(sg, ','), :origin, tr, NULL, :now, :now,
                   l - 1
              FROM unnest(CAST(:ids AS text[]), CAST(:tenants AS text[]), CAST(:kinds AS text[]),
                          CAST(:subjects AS text[]), CAST(:severities AS text[]), CAST(:scores AS int[]),
                          CAST(:signals AS text[]), CAST(:traces AS text[]), CAST(:logins AS int[]))
                   WITH ORDINALITY AS r(i, t, k, s, sv, sc, sg, tr, l, n)
             ORDER BY n
            """ + JOIN_OPEN_INCIDENT + """
            RETURNING tenant_id, subject_kind, subject_id, id::text, trace_id, (xmax = 0) AS opened""")
        .param("origin", origin.label())
        .param("now", Timestamp.from(now))
        .param("ids", ids)
        .param("tenants", tenants)
        .param("kinds", kinds)
        .param("subjects", subjects)
        .param("severities", severities)
        .param("scores", scores)
        .param("signals", signals)
        .param("traces", traces)
        .param("logins", logins)
        .query((rs, row) -> {
          int i = index.get(subjectKey(rs.getString(1), rs.getString(2), rs.getString(3)));
          refs[i] = new Ref(rs.getString(4), rs.getString(5), rs.getBoolean(6));
          return i;
        })
        .list();
    return List.of(refs);
  }

  /** A login to link to an incident: {@link #attachEvent}'s arguments. */
  record Attachment(String incidentId, Assessment assessment) {}

  /** {@link #attachEvent} for many logins in one statement; a login in an incident already is left out. */
  void attachEvents(List<Attachment> attachments, Instant now) {
    int n = attachments.size();
    String[] tenants = new String[n];
    String[] events = new String[n];
    String[] incidents = new String[n];
    String[] users = new String[n];
    int[] scores = new int[n];
    String[] decisions = new String[n];
    String[] signals = new String[n];
    String[] occurredAt = new String[n];
    for (int i = 0; i < n; i++) {
      Assessment assessment = attachments.get(i).assessment();
      tenants[i] = assessment.tenantId();
      events[i] = assessment.eventId();
      incidents[i] = attachments.get(i).incidentId();
      users[i] = assessment.userId();
      scores[i] = assessment.score();
      decisions[i] = assessment.decision().name();
      signals[i] = String.join(",", labels(assessment.signalTypes()));
      occurredAt[i] = assessment.timestamp().toString();
    }
    jdbc.sql("""
            INSERT INTO incident_events (tenant_id, event_id, incident_id, user_id, score, decision, signal_types,
                                         occurred_at, attached_at)
            SELECT t, e, CAST(i AS uuid), u, sc, d, string_to_array(sg, ','), CAST(o AS timestamptz), :now
              FROM unnest(CAST(:tenants AS text[]), CAST(:events AS text[]), CAST(:incidents AS text[]),
                          CAST(:users AS text[]), CAST(:scores AS int[]), CAST(:decisions AS text[]),
                          CAST(:signals AS text[]), CAST(:occurredAt AS text[]))
                   WITH ORDINALITY AS r(t, e, i, u, sc, d, sg, o, n)
             ORDER BY n
            ON CONFLICT DO NOTHING""")
        .param("now", Timestamp.from(now))
        .param("tenants", tenants)
        .param("events", events)
        .param("incidents", incidents)
        .param("users", users)
        .param("scores", scores)
        .param("decisions", decisions)
        .param("signals", signals)
        .param("occurredAt", occurredAt)
        .update();
  }

  /** One line of an incident's timeline: {@link #timeline}'s arguments but the time and actor. */
  record TimelineLine(String incidentId, String kind, String detail) {}

  /** {@link #timeline} for many lines, all at {@code at} by {@code actor}, in list order, in one statement. */
  void timelineAll(List<TimelineLine> lines, Instant at, String actor) {
    jdbc.sql("""
            INSERT INTO incident_timeline (incident_id, at, actor, kind, detail)
            SELECT CAST(i AS uuid), :at, :actor, k, d
              FROM unnest(CAST(:incidents AS text[]), CAST(:kinds AS text[]), CAST(:details AS text[]))
                   WITH ORDINALITY AS r(i, k, d, n)
             ORDER BY n""")
        .param("at", Timestamp.from(at))
        .param("actor", actor)
        .param("incidents", lines.stream().map(TimelineLine::incidentId).toArray(String[]::new))
        .param("kinds", lines.stream().map(TimelineLine::kind).toArray(String[]::new))
        .param("details", lines.stream().map(TimelineLine::detail).toArray(String[]::new))
        .update();
  }

  /** Links a login to the incident; false when it belongs to an incident already. */
  boolean attachEvent(String incidentId, Assessment assessment, Instant now) {
    return jdbc.sql("""
            INSERT INTO incident_events (tenant_id, event_id, incident_id, user_id, score, decision, signal_types,
                                         occurred_at, attached_at)
            VALUES (:tenant, :event, :incident, :user, :score, :decision, :signals, :occurredAt, :now)
            ON CONFLICT DO NOTHING""")
        .param("tenant", assessment.tenantId())
        .param("event", assessment.eventId())
        .param("incident", UUID.fromString(incidentId))
        .param("user", assessment.userId())
        .param("score", assessment.score())
        .param("decision", assessment.decision().name())
        .param("signals", labels(assessment.signalTypes()))
        .param("occurredAt", Timestamp.from(assessment.timestamp()))
        .param("now", Timestamp.from(now))
        .update() == 1;
  }

  void timeline(String incidentId, Instant at, String actor, String kind, String detail) {
    jdbc.sql("""
            INSERT INTO incident_timeline (incident_id, at, actor, kind, detail)
            VALUES (:incident, :at, :actor, :kind, :detail)""")
        .param("incident", UUID.fromString(incidentId)).param("at", Timestamp.from(at)).param("actor", actor)
        .param("kind", kind).param("detail", detail)
        .update();
  }

  /** Reads and locks the incident row for a status change ({@code SELECT … FOR UPDATE}). */
  Optional<Incident> lock(String tenantId, String incidentId) {
    Optional<UUID> id = parseId(incidentId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM incidents WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
        .param("tenant", tenantId).param("id", id.get()).query(IncidentStore::incident).optional();
  }

  Optional<Incident> find(String tenantId, String incidentId) {
    Optional<UUID> id = parseId(incidentId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM incidents WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId).param("id", id.get()).query(IncidentStore::incident).optional();
  }

  /** Sets the status of a locked incident; the version moves on. */
  Incident setStatus(Incident locked, IncidentStatus status, @Nullable String note, String rollbackState,
      Instant now) {
    return jdbc.sql("""
            UPDATE incidents SET status = :status, note = COALESCE(:note, note), rollback_state = :rollback,
                                 updated_at = :now, version = version + 1
             WHERE tenant_id = :tenant AND id = :id AND version = :version
            RETURNING *""")
        .param("status", status.name()).param("note", note).param("rollback", rollbackState)
        .param("now", Timestamp.from(now)).param("tenant", locked.tenantId())
        .param("id", UUID.fromString(locked.id())).param("version", locked.version())
        .query(IncidentStore::incident)
        .optional()
        .orElseThrow(() -> new IncidentConflictException("incident " + locked.id() + " changed meanwhile"));
  }

  List<IncidentDetails.Login> events(String tenantId, String incidentId) {
    return jdbc.sql("""
            SELECT * FROM incident_events WHERE tenant_id = :tenant AND incident_id = :incident
             ORDER BY occurred_at, event_id""")
        .param("tenant", tenantId).param("incident", UUID.fromString(incidentId))
        .query((rs, n) -> new IncidentDetails.Login(rs.getString("event_id"), rs.getString("user_id"),
            rs.getInt("score"), rs.getString("decision"), List.of((String[]) rs.getArray("signal_types").getArray()),
            rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("attached_at").toInstant()))
        .list();
  }

  List<IncidentDetails.TimelineEntry> timelineOf(String incidentId) {
    return jdbc.sql("SELECT * FROM incident_timeline WHERE incident_id = :incident ORDER BY id")
        .param("incident", UUID.fromString(incidentId))
        .query((rs, n) -> new IncidentDetails.TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
            rs.getString("kind"), rs.getString("detail")))
        .list();
  }

  /** A page of the tenant's incidents, newest first, filtered by what is given. */
  List<Incident> list(String tenantId, IncidentFilter filter) {
    StringBuilder sql = new StringBuilder("SELECT * FROM incidents WHERE tenant_id = :tenant");
    List<Object[]> params = new ArrayList<>();
    if (filter.status() != null) {
      sql.append(" AND status = :status");
      params.add(new Object[] {"status", filter.status().name()});
    }
    if (filter.severity() != null) {
      sql.append(" AND severity = :severity");
      params.add(new Object[] {"severity", filter.severity().toLowerCase(Locale.ROOT)});
    }
    if (filter.from() != null) {
      sql.append(" AND opened_at >= :from");
      params.add(new Object[] {"from", Timestamp.from(filter.from())});
    }
    if (filter.to() != null) {
      sql.append(" AND opened_at < :to");
      params.add(new Object[] {"to", Timestamp.from(filter.to())});
    }
    sql.append(" ORDER BY opened_at DESC, id LIMIT :size OFFSET :offset");
    var statement = jdbc.sql(sql.toString()).param("tenant", tenantId).param("size", filter.size())
        .param("offset", (long) filter.page() * filter.size());
    for (Object[] param : params) {
      statement = statement.param((String) param[0], param[1]);
    }
    return statement.query(IncidentStore::incident).list();
  }

  /** Incidents whose rollback is waiting for a retry: (tenant, id). */
  List<String[]> partialRollbacks(int limit) {
    return jdbc.sql("""
            SELECT tenant_id, id::text FROM incidents WHERE rollback_state = 'PARTIAL' ORDER BY updated_at LIMIT :limit""")
        .param("limit", limit)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
        .list();
  }

  static String severity(int score) {
    return RiskLevel.of(score).name().toLowerCase(Locale.ROOT);
  }

  private static String[] labels(Collection<SignalType> types) {
    return types.stream().map(SignalType::label).distinct().sorted().toArray(String[]::new);
  }

  private static String subjectKey(String tenantId, String kind, String subjectId) {
    return tenantId + '\u0000' + kind + '\u0000' + subjectId;
  }

  private static Optional<UUID> parseId(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static LoginFacts facts(ResultSet rs, int rowNum) throws SQLException {
    return new LoginFacts(rs.getString("assessment"), rs.getString("ip_hmac"), rs.getString("ip_masked"),
        rs.getTimestamp("received_at").toInstant());
  }

  private static Incident incident(ResultSet rs, int rowNum) throws SQLException {
    return new Incident(rs.getString("id"), rs.getString("tenant_id"),
        rs.getString("subject_kind") + ":" + rs.getString("subject_id"), IncidentStatus.valueOf(rs.getString("status")),
        rs.getString("severity"), rs.getInt("max_score"), List.of((String[]) rs.getArray("signal_types").getArray()),
        rs.getString("origin"), rs.getString("trace_id"), rs.getString("note"), rs.getString("rollback_state"),
        rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
  }

  /** The list filters; null means any. */
  record IncidentFilter(@Nullable IncidentStatus status, @Nullable String severity, @Nullable Instant from,
      @Nullable Instant to, int page, int size) {}
}
