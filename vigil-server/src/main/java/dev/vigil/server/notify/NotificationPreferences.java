package dev.vigil.server.notify;

import static java.util.Objects.requireNonNull;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each user chose to receive ({@code notification_preferences}). A topic is on until the user switches it
 * off; a security-critical topic cannot be switched off, which is refused here and enforced again by the
 * dispatcher ({@link #wants}), so a row written by other means cannot silence it either.
 *
 * <p>Users of the login service set them at {@code /auth/notification-preferences}
 * ({@link NotificationPreferencesController}).
 */
@Component
public final class NotificationPreferences {
  private final JdbcClient jdbc;

  NotificationPreferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the user's choice for a topic.
   *
   * @throws SecurityCriticalTopicException when switching off a security-critical topic
   */
  public void choose(String tenantId, String userId, Topic topic, boolean enabled, Instant now) {
    requireNonNull(tenantId, "tenantId");
    requireNonNull(userId, "userId");
    requireNonNull(topic, "topic");
    if (!enabled && topic.securityCritical()) {
      throw new SecurityCriticalTopicException(topic);
    }
    jdbc.sql("""
            INSERT INTO notification_preferences (tenant_id, user_id, topic, enabled, updated_at)
            VALUES (:tenant, :user, :topic, :enabled, :now)
            ON CONFLICT (tenant_id, user_id, topic) DO UPDATE SET enabled = :enabled, updated_at = :now""")
        .param("tenant", tenantId).param("user", userId).param("topic", topic.column())
        .param("enabled", enabled).param("now", Timestamp.from(now))
        .update();
  }

  /** Whether the user receives messages on this topic: always for security-critical ones. */
  public boolean wants(String tenantId, String userId, Topic topic) {
    if (topic.securityCritical()) {
      return true;
    }
    return jdbc.sql("""
            SELECT enabled FROM notification_preferences
             WHERE tenant_id = :tenant AND user_id = :user AND topic = :topic""")
        .param("tenant", tenantId).param("user", userId).param("topic", topic.column())
        .query(Boolean.class)
        .optional()
        .orElse(true);
  }
}
