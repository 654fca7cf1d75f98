package dev.vigil.server.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code users} table (migration V30). */
@Component
final class AccountStore {
  private static final String COLUMNS = "id, tenant_id, email, password_hash, role, frozen, created_at";

  private final JdbcClient jdbc;

  AccountStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts an account.
   *
   * @return false when the tenant already has an account with this email
   */
  boolean insert(Account account) {
    try {
      jdbc.sql("INSERT INTO users (" + COLUMNS + ") VALUES (:id, :tenant, :email, :hash, :role, :frozen, :createdAt)")
          .param("id", account.id())
          .param("tenant", account.tenantId())
          .param("email", account.email())
          .param("hash", account.passwordHash())
          .param("role", account.role().name())
          .param("frozen", account.frozen())
          .param("createdAt", Timestamp.from(account.createdAt()))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  Optional<Account> findByEmail(String tenantId, String email) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE tenant_id = :tenant AND email = :email")
        .param("tenant", tenantId)
        .param("email", email)
        .query(AccountStore::row)
        .optional();
  }

  Optional<Account> findById(String tenantId, UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId)
        .param("id", id)
        .query(AccountStore::row)
        .optional();
  }

  /** Sets the role of an account of the tenant; false when there is none with that id. */
  boolean setRole(String tenantId, UUID id, Role role) {
    return jdbc.sql("UPDATE users SET role = :role WHERE tenant_id = :tenant AND id = :id")
        .param("role", role.name())
        .param("tenant", tenantId)
        .param("id", id)
        .update() == 1;
  }

  private static Account row(ResultSet rs, int rowNum) throws SQLException {
    Instant created = rs.getTimestamp("created_at").toInstant();
    return new Account(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("email"),
        rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getBoolean("frozen"), created);
  }
}
