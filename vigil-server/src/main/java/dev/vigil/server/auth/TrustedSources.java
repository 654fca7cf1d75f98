package dev.vigil.server.auth;

import dev.vigil.core.event.IpAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The networks and devices each user recently logged in from ({@code trusted_sources}, migration V33), which
 * the throttle never slows down on account of failures elsewhere. Device ids are stored as SHA-256 hashes.
 */
@Component
final class TrustedSources {
  private final JdbcClient jdbc;
  private final Duration trustWindow;
  private final Clock clock;

  TrustedSources(JdbcClient jdbc, AuthSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.trustWindow = settings.throttle().trustWindow();
    this.clock = clock;
  }

  Familiarity of(Account account, IpAddress ip, @Nullable String deviceHash) {
    List<String> kinds = jdbc.sql("""
            SELECT kind FROM trusted_sources
             WHERE tenant_id = :tenant AND user_id = :user AND last_success_at > :since
               AND ((kind = 'NETWORK' AND source_key = :network) OR (kind = 'DEVICE' AND source_key = :device))""")
        .param("tenant", account.tenantId())
        .param("user", account.id())
        .param("since", Timestamp.from(clock.instant().minus(trustWindow)))
        .param("network", networkKey(ip.networkKey()))
        .param("device", deviceHash == null ? "" : deviceHash)
        .query(String.class)
        .list();
    return new Familiarity(kinds.contains("NETWORK"), kinds.contains("DEVICE"));
  }

  /** Remembers a successful login's network and device. */
  void remember(String tenantId, UUID userId, long networkKey, @Nullable String deviceHash) {
    Instant now = clock.instant();
    upsert(tenantId, userId, "NETWORK", networkKey(networkKey), now);
    if (deviceHash != null) {
      upsert(tenantId, userId, "DEVICE", deviceHash, now);
    }
  }

  /** The stored form of a device id. */
  static @Nullable String deviceHash(@Nullable String deviceId) {
    return deviceId == null
        ? null : HexFormat.of().formatHex(OpaqueToken.sha256(deviceId.getBytes(StandardCharsets.UTF_8)));
  }

  private void upsert(String tenantId, UUID userId, String kind, String key, Instant now) {
    jdbc.sql("""
            INSERT INTO trusted_sources (tenant_id, user_id, kind, source_key, last_success_at)
            VALUES (:tenant, :user, :kind, :key, :now)
            ON CONFLICT (tenant_id, user_id, kind, source_key)
            DO UPDATE SET last_success_at = EXCLUDED.last_success_at""")
        .param("tenant", tenantId)
        .param("user", userId)
        .param("kind", kind)
        .param("key", key)
        .param("now", Timestamp.from(now))
        .update();
  }

  private static String networkKey(long key) {
    return Long.toHexString(key);
  }
}
