package dev.vigil.server.auth;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.IpAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing without letting an attacker lock the user out (Keycloak issue #46164, where
 * failures from anywhere disabled the account everywhere).
 *
 * <p>Two counters, both in {@code login_throttle} (migration V33) so that they survive restarts and are shared
 * by every instance:
 * <ul>
 *   <li><b>Per (tenant, user, source network)</b> — the /24 or /48 of {@link IpAddress#networkKey()}: after
 *       {@code failures} failures within {@code window}, further attempts from that network wait
 *       {@code initialDelay}, doubling per failure up to {@code maxDelay}. Failures elsewhere never count here, so
 *       the user's own network stays open. A device the user logged in with recently passes even a throttled
 *       network (an attacker in the same café or office).</li>
 *   <li><b>Per (tenant, user), unfamiliar sources only</b> — a distributed guess spreads over many networks, a
 *       few tries each: after {@code userWideFailures} failures from networks and devices the user has not
 *       logged in from recently, such sources wait too. Familiar networks and devices are never slowed down by
 *       it.</li>
 * </ul>
 * A success clears its network's counter.
 *
 * <p><b>No racing past the limit.</b> An attempt is counted <em>before</em> its password is checked
 * ({@link #attempt}), under a row lock ({@code SELECT … FOR UPDATE}) taken in the same short transaction as the
 * check: of 50 concurrent guesses from one network, exactly {@code failures} reach the password check and the rest
 * wait (Keycloak issue #31726, where parallel requests overshot the counter). A right password gives its
 * reservation back ({@link #release}); the lock is never held while a password is hashed, so the throttle cannot
 * exhaust the connection pool. Rows are always locked network first, then user-wide, so two attempts cannot
 * deadlock.
 */
@Component
final class LoginThrottle {
  /** {@code source_key} of the user-wide counter. */
  private static final String USER_WIDE = "*";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Backoff perNetwork;
  private final Backoff userWide;
  private final Duration window;
  private final Clock clock;

  LoginThrottle(JdbcClient jdbc, TransactionTemplate transactions, AuthSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    AuthSettings.ThrottleSettings throttle = settings.throttle();
    this.perNetwork = new Backoff(throttle.failures(), throttle.initialDelay(), throttle.maxDelay());
    this.userWide = new Backoff(throttle.userWideFailures(), throttle.initialDelay(), throttle.maxDelay());
    this.window = throttle.window();
    this.clock = clock;
  }

  /**
   * Reserves one failure for this attempt before its password is checked: empty when it may proceed (and is
   * counted as a failure until {@link #release}d), else how long it must wait (and nothing is counted). A familiar
   * device passes a throttled network but is still counted; a familiar network or device is never held by the
   * user-wide counter.
   */
  Optional<Duration> attempt(String tenantId, String userKey, IpAddress ip, Familiarity familiarity) {
    return requireNonNull(transactions.execute(status -> {
      Instant now = clock.instant();
      Optional<Duration> wait = count(tenantId, userKey, networkKey(ip), perNetwork, now, !familiarity.device());
      if (wait.isEmpty() && !familiarity.any()) {
        wait = count(tenantId, userKey, USER_WIDE, userWide, now, true);
      }
      if (wait.isPresent()) {
        status.setRollbackOnly(); // a refused attempt counts nowhere
      }
      return wait;
    }));
  }

  /** Gives back the reservation of an {@link #attempt} whose password was right. */
  void release(String tenantId, String userKey, IpAddress ip, Familiarity familiarity) {
    uncount(tenantId, userKey, networkKey(ip), perNetwork);
    if (!familiarity.any()) {
      uncount(tenantId, userKey, USER_WIDE, userWide);
    }
  }

  /** Counts a failure that had no {@link #attempt} reservation (a wrong second factor). */
  void failed(String tenantId, String userKey, IpAddress ip, Familiarity familiarity) {
    transactions.executeWithoutResult(status -> {
      Instant now = clock.instant();
      count(tenantId, userKey, networkKey(ip), perNetwork, now, false);
      if (!familiarity.any()) {
        count(tenantId, userKey, USER_WIDE, userWide, now, false);
      }
    });
  }

  /** Forgets the failures of this network for the user. */
  void succeeded(String tenantId, String userKey, IpAddress ip) {
    jdbc.sql("DELETE FROM login_throttle WHERE tenant_id = :tenant AND user_key = :user AND source_key = :source")
        .param("tenant", tenantId)
        .param("user", userKey)
        .param("source", networkKey(ip))
        .update();
  }

  /**
   * Inside the caller's transaction: locks the counter's row (creating it when absent), refuses when
   * {@code enforce} and the source is still blocked, otherwise counts one failure and blocks the source as the
   * backoff says.
   */
  private Optional<Duration> count(String tenantId, String userKey, String source, Backoff backoff, Instant now,
      boolean enforce) {
    jdbc.sql("""
            INSERT INTO login_throttle (tenant_id, user_key, source_key, failures, last_failure_at)
            VALUES (:tenant, :user, :source, 0, :now)
            ON CONFLICT (tenant_id, user_key, source_key) DO NOTHING""")
        .param("tenant", tenantId).param("user", userKey).param("source", source)
        .param("now", Timestamp.from(now))
        .update();
    Counter counter = jdbc.sql("""
            SELECT failures, last_failure_at, blocked_until FROM login_throttle
             WHERE tenant_id = :tenant AND user_key = :user AND source_key = :source
               FOR UPDATE""")
        .param("tenant", tenantId).param("user", userKey).param("source", source)
        .query((rs, row) -> new Counter(rs.getInt(1), rs.getTimestamp(2).toInstant(),
            Optional.ofNullable(rs.getTimestamp(3)).map(Timestamp::toInstant).orElse(null)))
        .single();
    if (enforce && counter.blockedUntil() != null && counter.blockedUntil().isAfter(now)) {
      return Optional.of(Duration.between(now, counter.blockedUntil()));
    }
    int failures = counter.lastFailureAt().isBefore(now.minus(window)) ? 1 : counter.failures() + 1;
    Duration delay = backoff.delayAfter(failures);
    jdbc.sql("""
            UPDATE login_throttle
               SET failures = :failures, last_failure_at = :now,
                   blocked_until = CASE WHEN :block THEN :until ELSE blocked_until END
             WHERE tenant_id = :tenant AND user_key = :user AND source_key = :source""")
        .param("failures", failures)
        .param("now", Timestamp.from(now))
        .param("block", !delay.isZero())
        .param("until", Timestamp.from(now.plus(delay)))
        .param("tenant", tenantId).param("user", userKey).param("source", source)
        .update();
    return Optional.empty();
  }

  /** One failure fewer; a block the counter no longer reaches is lifted. */
  private void uncount(String tenantId, String userKey, String source, Backoff backoff) {
    jdbc.sql("""
            UPDATE login_throttle
               SET failures = GREATEST(failures - 1, 0),
                   blocked_until = CASE WHEN failures - 1 < :threshold THEN NULL ELSE blocked_until END
             WHERE tenant_id = :tenant AND user_key = :user AND source_key = :source""")
        .param("threshold", backoff.threshold())
        .param("tenant", tenantId).param("user", userKey).param("source", source)
        .update();
  }

  private record Counter(int failures, Instant lastFailureAt, @Nullable Instant blockedUntil) {}

  private static String networkKey(IpAddress ip) {
    return Long.toHexString(ip.networkKey());
  }
}
