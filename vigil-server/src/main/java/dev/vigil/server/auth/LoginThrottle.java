package dev.vigil.server.auth;

import dev.vigil.core.event.IpAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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
 * A success clears its network's counter. Check and record are separate statements: a burst of concurrent
 * guesses can overshoot the threshold by the burst's size before the first failure is written, which the
 * password hash's cost bounds.
 */
@Component
final class LoginThrottle {
  /** {@code source_key} of the user-wide counter. */
  private static final String USER_WIDE = "*";

  private final JdbcClient jdbc;
  private final Backoff perNetwork;
  private final Backoff userWide;
  private final Duration window;
  private final Clock clock;

  LoginThrottle(JdbcClient jdbc, AuthSettings settings, Clock clock) {
    this.jdbc = jdbc;
    AuthSettings.ThrottleSettings throttle = settings.throttle();
    this.perNetwork = new Backoff(throttle.failures(), throttle.initialDelay(), throttle.maxDelay());
    this.userWide = new Backoff(throttle.userWideFailures(), throttle.initialDelay(), throttle.maxDelay());
    this.window = throttle.window();
    this.clock = clock;
  }

  /** How long this attempt must wait; empty when it may proceed. */
  Optional<Duration> waitFor(String tenantId, String userKey, IpAddress ip, Familiarity familiarity) {
    Instant now = clock.instant();
    Optional<Duration> network = familiarity.device()
        ? Optional.empty() : blockedFor(tenantId, userKey, networkKey(ip), now);
    if (network.isPresent() || familiarity.any()) {
      return network;
    }
    return blockedFor(tenantId, userKey, USER_WIDE, now);
  }

  /** Counts a failed password (or second factor) from this source. */
  void failed(String tenantId, String userKey, IpAddress ip, Familiarity familiarity) {
    Instant now = clock.instant();
    count(tenantId, userKey, networkKey(ip), perNetwork, now);
    if (!familiarity.any()) {
      count(tenantId, userKey, USER_WIDE, userWide, now);
    }
  }

  /** Forgets the failures of this network for the user. */
  void succeeded(String tenantId, String userKey, IpAddress ip) {
    jdbc.sql("DELETE FROM login_throttle WHERE tenant_id = :tenant AND user_key = :user AND source_key = :source")
        .param("tenant", tenantId)
        .param("user", userKey)
        .param("source", networkKey(ip))
        .update();
  }

  private Optional<Duration> blockedFor(String tenantId, String userKey, String source, Instant now) {
    return jdbc.sql("""
            SELECT blocked_until FROM login_throttle
             WHERE tenant_id = :tenant AND user_key = :user AND source_key = :source AND blocked_until > :now""")
        .param("tenant", tenantId)
        .param("user", userKey)
        .param("source", source)
        .param("now", Timestamp.from(now))
        .query(Timestamp.class)
        .optional()
        .map(until -> Duration.between(now, until.toInstant()));
  }

  private void count(String tenantId, String userKey, String source, Backoff backoff, Instant now) {
    int failures = jdbc.sql("""
            INSERT INTO login_throttle AS t (tenant_id, user_key, source_key, failures, last_failure_at)
            VALUES (:tenant, :user, :source, 1, :now)
            ON CONFLICT (tenant_id, user_key, source_key) DO UPDATE
               SET failures = CASE WHEN t.last_failure_at < :windowStart THEN 1 ELSE t.failures + 1 END,
                   last_failure_at = EXCLUDED.last_failure_at
            RETURNING failures""")
        .param("tenant", tenantId)
        .param("user", userKey)
        .param("source", source)
        .param("now", Timestamp.from(now))
        .param("windowStart", Timestamp.from(now.minus(window)))
        .query(Integer.class)
        .single();
    Duration delay = backoff.delayAfter(failures);
    if (!delay.isZero()) {
      jdbc.sql("""
              UPDATE login_throttle SET blocked_until = :until
               WHERE tenant_id = :tenant AND user_key = :user AND source_key = :source""")
          .param("until", Timestamp.from(now.plus(delay)))
          .param("tenant", tenantId)
          .param("user", userKey)
          .param("source", source)
          .update();
    }
  }

  private static String networkKey(IpAddress ip) {
    return Long.toHexString(ip.networkKey());
  }
}
