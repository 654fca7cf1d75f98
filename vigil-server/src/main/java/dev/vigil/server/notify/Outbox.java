package dev.vigil.server.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code notification_outbox} table (migration V40). Enqueuing joins the caller's transaction, which is the
 * point: the alert and its messages commit or roll back together. Claiming takes row locks with
 * {@code SKIP LOCKED}, so any number of dispatchers, in any number of processes, share the table without
 * delivering a message twice; a message is claimable only when no earlier message with its ordering key is still
 * pending, which keeps each user's messages in order on each channel.
 */
@Component
public final class Outbox {
  static final ObjectMapper JSON = new ObjectMapper();

  private static final String COLUMNS =
      "id, tenant_id, user_id, channel, topic, payload::text AS payload, attempts, created_at, expires_at";

  private final JdbcClient jdbc;
  private final Duration maxAge;

  Outbox(JdbcClient jdbc, NotifySettings settings) {
    this.jdbc = jdbc;
    this.maxAge = settings.dispatch().maxAge();
  }

  /**
   * Stores a message unless one with the same channel and dedup key exists.
   *
   * @return whether it was stored now
   */
  boolean enqueue(NewMessage message, Instant now) {
    return jdbc.sql("""
            INSERT INTO notification_outbox (tenant_id, user_id, channel, kind, topic, ordering_key, dedup_key,
                                             payload, next_attempt_at, expires_at, created_at)
            VALUES (:tenant, :user, :channel, :kind, :topic, :orderingKey, :dedupKey, CAST(:payload AS jsonb),
                    :now, :expiresAt, :now)
            ON CONFLICT (channel, dedup_key) DO NOTHING""")
        .param("tenant", message.tenantId())
        .param("user", message.userId())
        .param("channel", message.channel().column())
        .param("kind", message.notice().kind())
        .param("topic", message.topic() == null ? null : message.topic().column())
        .param("orderingKey", message.orderingKey())
        .param("dedupKey", message.dedupKey())
        .param("payload", toJson(message.notice()))
        .param("now", Timestamp.from(now))
        .param("expiresAt", Timestamp.from(now.plus(maxAge)))
        .update() == 1;
  }

  /**
   * Locks up to {@code limit} due messages that head their ordering key. Must run in a transaction, which holds
   * the locks until the outcomes are written.
   */
  List<OutboxMessage> claimDue(Instant now, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + """
             FROM notification_outbox o
            WHERE o.status = 'pending' AND o.next_attempt_at <= :now
              AND NOT EXISTS (SELECT 1 FROM notification_outbox e
                               WHERE e.ordering_key = o.ordering_key AND e.status = 'pending' AND e.id < o.id)
            ORDER BY o.next_attempt_at, o.id
            LIMIT :limit
              FOR UPDATE SKIP LOCKED""")
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query(Outbox::message)
        .list();
  }

  void delivered(long id, Instant now) {
    jdbc.sql("""
            UPDATE notification_outbox
               SET status = 'delivered', delivered_at = :now, attempts = attempts + 1, last_error = NULL
             WHERE id = :id""")
        .param("now", Timestamp.from(now)).param("id", id).update();
  }

  void failed(long id, Instant nextAttempt, String error) {
    jdbc.sql("""
            UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
             WHERE id = :id""")
        .param("next", Timestamp.from(nextAttempt)).param("error", error).param("id", id).update();
  }

  void dead(long id, boolean attempted, String error) {
    jdbc.sql("""
            UPDATE notification_outbox
               SET status = 'dead', attempts = attempts + :attempted, last_error = :error
             WHERE id = :id""")
        .param("attempted", attempted ? 1 : 0).param("error", error).param("id", id).update();
  }

  void skipped(long id, String reason) {
    jdbc.sql("UPDATE notification_outbox SET status = 'skipped', last_error = :reason WHERE id = :id")
        .param("reason", reason).param("id", id).update();
  }

  /** Moves a message's next attempt without counting one (its destination's breaker is open). */
  void postpone(long id, Instant nextAttempt) {
    jdbc.sql("UPDATE notification_outbox SET next_attempt_at = :next WHERE id = :id")
        .param("next", Timestamp.from(nextAttempt)).param("id", id).update();
  }

  /** The tenant's dead letters, oldest first. */
  public List<DeadLetter> deadLetters(String tenantId, int limit) {
    return jdbc.sql("""
            SELECT id, tenant_id, channel, kind, attempts, created_at, last_error
              FROM notification_outbox WHERE tenant_id = :tenant AND status = 'dead' ORDER BY id LIMIT :limit""")
        .param("tenant", tenantId)
        .param("limit", limit)
        .query((rs, n) -> new DeadLetter(rs.getLong("id"), rs.getString("tenant_id"), rs.getString("channel"),
            rs.getString("kind"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
            rs.getString("last_error")))
        .list();
  }

  /**
   * Puts a dead letter back in the queue as if new: attempts from zero, a fresh maximum age.
   *
   * @return whether {@code id} was a dead letter of the tenant (another tenant's is not found, like a missing one)
   */
  public boolean retry(String tenantId, long id, Instant now) {
    return jdbc.sql("""
            UPDATE notification_outbox
               SET status = 'pending', attempts = 0, next_attempt_at = :now, expires_at = :expiresAt
             WHERE id = :id AND tenant_id = :tenant AND status = 'dead'""")
        .param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(now.plus(maxAge))).param("id", id)
        .param("tenant", tenantId)
        .update() == 1;
  }

  /** Puts every dead letter of the tenant back in the queue; returns how many. */
  public int retryAllDead(String tenantId, Instant now) {
    return jdbc.sql("""
            UPDATE notification_outbox
               SET status = 'pending', attempts = 0, next_attempt_at = :now, expires_at = :expiresAt
             WHERE tenant_id = :tenant AND status = 'dead'""")
        .param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(now.plus(maxAge)))
        .param("tenant", tenantId).update();
  }

  /** {@link #state(Instant)} of one tenant's messages: what its administrator may see. */
  public OutboxState state(String tenantId, Instant now) {
    List<OutboxState.Count> counts = jdbc.sql("""
            SELECT channel, status, count(*) AS n FROM notification_outbox WHERE tenant_id = :tenant
             GROUP BY channel, status ORDER BY channel, status""")
        .param("tenant", tenantId)
        .query((rs, n) -> new OutboxState.Count(rs.getString("channel"), rs.getString("status"), rs.getLong("n")))
        .list();
    Optional<Instant> oldest = jdbc.sql("""
            SELECT min(created_at) FROM notification_outbox WHERE tenant_id = :tenant AND status = 'pending'""")
        .param("tenant", tenantId)
        .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
        .single();
    Duration lag = oldest.map(t -> Duration.between(t, now)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    return new OutboxState(counts, lag);
  }

  /** Counts per channel and status, and the age of the oldest message still pending. */
  public OutboxState state(Instant now) {
    List<OutboxState.Count> counts = jdbc.sql("""
            SELECT channel, status, count(*) AS n FROM notification_outbox GROUP BY channel, status
             ORDER BY channel, status""")
        .query((rs, n) -> new OutboxState.Count(rs.getString("channel"), rs.getString("status"), rs.getLong("n")))
        .list();
    Optional<Instant> oldest = jdbc.sql("SELECT min(created_at) FROM notification_outbox WHERE status = 'pending'")
        .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
        .single();
    Duration lag = oldest.map(t -> Duration.between(t, now)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    return new OutboxState(counts, lag);
  }

  /** How long the oldest pending message has waited, in seconds: the outbox lag metric. */
  double lagSeconds(Instant now) {
    return state(now).oldestPending().toMillis() / 1000.0;
  }

  static String toJson(Notice notice) {
    try {
      return JSON.writerFor(Notice.class).writeValueAsString(notice);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("notice " + notice.kind() + " does not serialise", e);
    }
  }

  static Notice fromJson(String json) {
    try {
      return JSON.readValue(json, Notice.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored notice does not parse", e);
    }
  }

  private static OutboxMessage message(ResultSet rs, int rowNum) throws SQLException {
    @Nullable String topic = rs.getString("topic");
    return new OutboxMessage(rs.getLong("id"), rs.getString("tenant_id"), rs.getString("user_id"),
        Channel.ofColumn(rs.getString("channel")), topic == null ? null : Topic.ofColumn(topic),
        fromJson(rs.getString("payload")), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant());
  }

  /** A message that will not be attempted again unless an admin retries it. */
  public record DeadLetter(long id, String tenantId, String channel, String kind, int attempts, Instant createdAt,
      @Nullable String lastError) {}

  /** The queue at a glance. */
  public record OutboxState(List<Count> counts, Duration oldestPending) {
    public OutboxState {
      counts = List.copyOf(counts);
    }

    public record Count(String channel, String status, long count) {}
  }
}
