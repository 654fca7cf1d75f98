package dev.vigil.server.enforce;

import dev.vigil.core.event.IpAddress;
import dev.vigil.server.privacy.IpHasher;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sources denied by enforcement, in {@code ip_lists} (V51). The engine's own blocklist is static (operator CIDR
 * lists loaded at start), so blocks decided at runtime live here and every login path consults
 * {@link #isBlocked(String, IpAddress)} before it calls the engine (the built-in login service and the engine API
 * and the engine API). Addresses are stored as keyed HMACs plus masked networks only.
 *
 * <p><b>Cache.</b> The check sits on every login, so each tenant's active blocks are held in memory as two hash
 * sets and the table is read only when they are missing or older than {@link #MAX_AGE}. A block or unblock made
 * here drops the tenant's sets once its transaction commits (not before: a reader could otherwise cache the old
 * rows again). A load that overlapped any such drop is used once and not kept ({@link #generation}), so a stale
 * set never outlives the change. {@link #MAX_AGE} bounds how late another server instance sharing the database
 * sees a block.
 */
@Component
public final class BlockList {
  /** How long a tenant's cached blocks are trusted without reading the table again. */
  static final Duration MAX_AGE = Duration.ofSeconds(5);

  private final JdbcClient jdbc;
  private final IpHasher hasher;
  private final Clock clock;
  private final ConcurrentHashMap<String, TenantBlocks> cache = new ConcurrentHashMap<>();
  /** Counts cache drops; a load that saw it move may be stale and is not cached. */
  private final AtomicLong generation = new AtomicLong();

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
    return blocksOf(tenantId).matches(ipHmac, network);
  }

  /**
   * Forgets the cached blocks of a tenant, so the next check reads {@code ip_lists}: for code that writes the
   * table other than through this class (another instance's changes are seen after {@link #MAX_AGE} anyway).
   */
  public void forget(String tenantId) {
    generation.incrementAndGet();
    cache.remove(tenantId);
  }

  private TenantBlocks blocksOf(String tenantId) {
    long now = clock.millis();
    TenantBlocks cached = cache.get(tenantId);
    if (cached != null && now - cached.loadedAtMillis() < MAX_AGE.toMillis()) {
      return cached;
    }
    long seen = generation.get();
    TenantBlocks loaded = load(tenantId, now);
    if (generation.get() == seen) {
      cache.put(tenantId, loaded);
      // A drop between the check and the put would otherwise leave this possibly stale set in place.
      if (generation.get() != seen) {
        cache.remove(tenantId, loaded);
      }
    }
    return loaded;
  }

  private TenantBlocks load(String tenantId, long now) {
    Set<String> hmacs = new HashSet<>();
    Set<String> networks = new HashSet<>();
    jdbc.sql("""
            SELECT ip_hmac, network FROM ip_lists
             WHERE tenant_id = :tenant AND list = 'block' AND removed_at IS NULL""")
        .param("tenant", tenantId)
        .query((rs, row) -> {
          String hmac = rs.getString(1);
          if (hmac != null) {
            hmacs.add(hmac);
          } else if (rs.getString(2) != null) {
            networks.add(rs.getString(2));
          }
          return row;
        }).list();
    return new TenantBlocks(Set.copyOf(hmacs), Set.copyOf(networks), now);
  }

  /** Drops the tenant's cached blocks after the surrounding transaction commits (at once without one). */
  private void forgetAfterCommit(String tenantId) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          forget(tenantId);
        }
      });
    }
    forget(tenantId);
  }

  /** One tenant's active blocks: addresses by HMAC, and whole networks (rows without an address). */
  private record TenantBlocks(Set<String> hmacs, Set<String> networks, long loadedAtMillis) {
    boolean matches(String ipHmac, String network) {
      return hmacs.contains(ipHmac) || networks.contains(network);
    }
  }

  /** Adds a block of the address (or, with an empty HMAC, of the whole network); returns its id. */
  long block(String tenantId, String ipHmac, @Nullable String network, @Nullable String incidentId, String reason) {
    forgetAfterCommit(tenantId);
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
    forgetAfterCommit(tenantId);
    jdbc.sql("UPDATE ip_lists SET removed_at = :now WHERE id = :id AND tenant_id = :tenant AND removed_at IS NULL")
        .param("now", Timestamp.from(clock.instant())).param("id", blockId).param("tenant", tenantId)
        .update();
  }
}
