package dev.vigil.server.enforce;

import dev.vigil.core.event.IpAddress;
import dev.vigil.server.privacy.IpHasher;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sources denied by enforcement, in {@code ip_lists} (V51). The engine's own blocklist is static (operator CIDR
 * lists loaded at start), so blocks decided at runtime live here and every login path consults
 * {@link #isBlocked(String, IpAddress)} before it calls the engine (the built-in login service and the engine API
 * on the throughput branch; wired at merge). Addresses are stored as keyed HMACs plus masked networks only.
 */
@Component
public final class BlockList {
  private final JdbcClient jdbc;
  private final IpHasher hasher;
  private final Clock clock;

  BlockList(JdbcClient jdbc, IpHasher hasher, Clock clock) {
    this.jdbc = jdbc;
    this.hasher = hasher;
    this.clock = clock;
  }

  /** Whether logins from this address are denied for the tenant (the address, or its whole network, is blocked). */
  public boolean isBlocked(String tenantId, IpAddress address) {
    return isBlocked(tenantId, hasher.hash(address), address.masked());
  }

  /** The same by stored forms: the address's HMAC and its masked network (either may match a block). */
  public boolean isBlocked(String tenantId, String ipHmac, String network) {
    return jdbc.sql("""
            SELECT EXISTS (SELECT 1 FROM ip_lists
                            WHERE tenant_id = :tenant AND list = 'block' AND removed_at IS NULL
                              AND (ip_hmac = :hmac OR (ip_hmac IS NULL AND network = :network)))""")
        .param("tenant", tenantId).param("hmac", ipHmac).param("network", network)
        .query(Boolean.class).single();
  }

  /** Adds a block of the address (or, with an empty HMAC, of the whole network); returns its id. */
  long block(String tenantId, String ipHmac, @Nullable String network, @Nullable String incidentId, String reason) {
    return jdbc.sql("""
            INSERT INTO ip_lists (tenant_id, list, ip_hmac, network, reason, incident_id, created_at)
            VALUES (:tenant, 'block', :hmac, :network, :reason, :incident, :now) RETURNING id""")
        .param("tenant", tenantId)
        .param("hmac", ipHmac.isEmpty() ? null : ipHmac)
        .param("network", network)
        .param("reason", reason)
        .param("incident", incidentId == null ? null : UUID.fromString(incidentId))
        .param("now", Timestamp.from(clock.instant()))
        .query(Long.class).single();
  }

  /** Lifts a block (kept as a row with {@code removed_at}, for the record). */
  void unblock(String tenantId, long blockId) {
    jdbc.sql("UPDATE ip_lists SET removed_at = :now WHERE id = :id AND tenant_id = :tenant AND removed_at IS NULL")
        .param("now", Timestamp.from(clock.instant())).param("id", blockId).param("tenant", tenantId)
        .update();
  }
}
