package dev.vigil.server.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code tenants} and {@code api_keys} tables (migration V20). */
@Component
final class ApiKeyStore {
  /** Looks a key up by its primary key ({@code api_keys_pkey}); the plan test pins that index. */
  static final String FIND_KEY = """
      SELECT id, tenant_id, secret_sha256, revoked_at FROM api_keys WHERE id = :id""";

  private final JdbcClient jdbc;

  ApiKeyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean anyTenant() {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM tenants)").query(Boolean.class).single();
  }

  void ensureTenant(String tenantId, Instant now) {
    jdbc.sql("INSERT INTO tenants (id, created_at) VALUES (:id, :now) ON CONFLICT (id) DO NOTHING")
        .param("id", tenantId)
        .param("now", Timestamp.from(now))
        .update();
  }

  /** @return whether the key was stored; false when a key with that id exists already */
  boolean insertKey(String tenantId, String keyId, byte[] secretSha256, @Nullable String label, Instant now) {
    return jdbc.sql("""
            INSERT INTO api_keys (id, tenant_id, secret_sha256, label, created_at)
            VALUES (:id, :tenant, :hash, :label, :now)
            ON CONFLICT (id) DO NOTHING""")
        .param("id", keyId)
        .param("tenant", tenantId)
        .param("hash", secretSha256)
        .param("label", label)
        .param("now", Timestamp.from(now))
        .update() == 1;
  }

  Optional<StoredKey> find(String keyId) {
    return jdbc.sql(FIND_KEY)
        .param("id", keyId)
        .query((rs, n) -> new StoredKey(rs.getString("id"), rs.getString("tenant_id"), rs.getBytes("secret_sha256"),
            rs.getTimestamp("revoked_at") != null))
        .optional();
  }

  void touch(String keyId, Instant now) {
    jdbc.sql("UPDATE api_keys SET last_used_at = :now WHERE id = :id")
        .param("now", Timestamp.from(now))
        .param("id", keyId)
        .update();
  }

  /** Serialises concurrent first starts on one database, for the rest of the caller's transaction. */
  void lockForBootstrap() {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('vigil.access.bootstrap'))").query().singleRow();
  }

  /** A key row; {@code secretSha256} is the hash, never the secret. */
  record StoredKey(String id, String tenantId, byte[] secretSha256, boolean revoked) {
    @Override
    public String toString() {
      return "StoredKey[id=" + id + ", tenantId=" + tenantId + ", revoked=" + revoked + "]";
    }
  }
}
