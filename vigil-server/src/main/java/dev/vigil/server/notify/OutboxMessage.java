package dev.vigil.server.notify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A claimed outbox row, as a dispatcher sees it while it holds the row's lock.
 *
 * @param attempts attempts made before this one
 */
public record OutboxMessage(long id, String tenantId, @Nullable String userId, Channel channel,
    @Nullable Topic topic, Notice notice, int attempts, Instant createdAt, Instant expiresAt) {
  @Override
  public String toString() {
    return "OutboxMessage[id=" + id + ", tenant=" + tenantId + ", channel=" + channel.column() + ", kind="
        + notice.kind() + ", attempts=" + attempts + "]";
  }
}
