package dev.vigil.server.access;

import static java.util.Objects.requireNonNull;

import dev.vigil.server.access.ApiKeyFormat.PresentedKey;
import dev.vigil.server.access.ApiKeyStore.StoredKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues API keys and checks the ones callers present.
 *
 * <p>Every request of the engine API presents a key, so looked-up rows are kept for
 * {@code vigil.access.key-cache-ttl} (unknown ids too, so that a flood of made-up keys does not become a flood of
 * queries); the cache is cleared when it reaches {@value #MAX_CACHED} entries. {@code last_used_at} is written at
 * most once a minute per key. Thread-safe.
 */
@Service
public final class ApiKeys {
  private static final int MAX_CACHED = 10_000;
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final ApiKeyStore store;
  private final Clock clock;
  private final Duration cacheTtl;
  private final TransactionTemplate transactions;
  private final ConcurrentHashMap<String, CachedKey> cache = new ConcurrentHashMap<>();
  /** When each valid key's {@code last_used_at} was last written; holds only keys that authenticated. */
  private final ConcurrentHashMap<String, Instant> touched = new ConcurrentHashMap<>();

  ApiKeys(ApiKeyStore store, TransactionTemplate transactions, Clock clock, AccessSettings settings) {
    this.store = store;
    this.transactions = transactions;
    this.clock = clock;
    this.cacheTtl = settings.keyCacheTtl();
  }

  /**
   * Creates a key for {@code tenantId}, creating the tenant when it does not exist yet. The returned text is
   * the only copy of the key: hand it to the caller and forget it.
   */
  public IssuedApiKey issue(String tenantId, @Nullable String label) {
    requireNonNull(tenantId, "tenantId");
    Instant now = clock.instant();
    PresentedKey key = ApiKeyFormat.generate();
    transactions.executeWithoutResult(status -> {
      store.ensureTenant(tenantId, now);
      if (!store.insertKey(tenantId, key.id(), ApiKeyFormat.sha256(key.secret()), label, now)) {
        throw new IllegalStateException("a fresh random key id collided; try again");
      }
    });
    return new IssuedApiKey(tenantId, key.id(), key.text());
  }

  /**
   * Stores a key generated elsewhere ({@code vigil.access.bootstrap-keys}) unless its id is known.
   *
   * @return whether it was stored now
   * @throws IllegalArgumentException when {@code key} is not of the form {@code vgl_<id>_<secret>}
   */
  public boolean provision(String tenantId, String key) {
    PresentedKey parsed = ApiKeyFormat.parse(key.strip())
        .orElseThrow(() -> new IllegalArgumentException("a key for tenant " + tenantId
            + " is not of the form vgl_<16 hex digits>_<43 base64url characters>"));
    Instant now = clock.instant();
    return Boolean.TRUE.equals(transactions.execute(status -> {
      store.ensureTenant(tenantId, now);
      return store.insertKey(tenantId, parsed.id(), ApiKeyFormat.sha256(parsed.secret()), "bootstrap", now);
    }));
  }

  /** The caller a key belongs to; empty when it is malformed, unknown, revoked or its secret is wrong. */
  public Optional<ApiCaller> authenticate(String presented) {
    Optional<PresentedKey> parsed = ApiKeyFormat.parse(presented);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    PresentedKey key = parsed.get();
    Instant now = clock.instant();
    CachedKey cached = cache.get(key.id());
    if (cached == null || cached.loadedAt().plus(cacheTtl).isBefore(now)) {
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cached = refresh(key.id(), cached, now);
    }
    StoredKey stored = cached.key();
    if (stored == null || stored.revoked() || !key.matches(stored.secretSha256())) {
      return Optional.empty();
    }
    touchIfDue(stored.id(), now);
    return Optional.of(new ApiCaller(stored.tenantId(), stored.id()));
  }

  /**
   * Reads the key's row again. When the database cannot be reached, a key read before stays valid as it was for
   * another {@code cacheTtl} — the engine API keeps serving known callers through a database outage (a revocation
   * made meanwhile takes effect once the database answers again); a key never read before fails the request (503).
   */
  private CachedKey refresh(String keyId, @Nullable CachedKey previous, Instant now) {
    CachedKey fresh;
    try {
      fresh = new CachedKey(store.find(keyId).orElse(null), now);
    } catch (DataAccessException e) {
      if (previous == null) {
        throw e;
      }
      fresh = new CachedKey(previous.key(), now);
    }
    cache.put(keyId, fresh);
    return fresh;
  }

  /**
   * At most one write a minute per key; a race between two requests costs one extra write, nothing more. Best
   * effort: a failed write (database outage) does not fail the request.
   */
  private void touchIfDue(String keyId, Instant now) {
    Instant last = touched.get(keyId);
    if (last != null && last.plus(TOUCH_EVERY).isAfter(now)) {
      return;
    }
    touched.put(keyId, now);
    try {
      store.touch(keyId, now);
    } catch (DataAccessException e) {
      touched.remove(keyId);
    }
  }

  /** A row as last read, or its absence. */
  private record CachedKey(@Nullable StoredKey key, Instant loadedAt) {}
}
