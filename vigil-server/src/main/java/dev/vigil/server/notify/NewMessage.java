package dev.vigil.server.notify;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A message to enqueue.
 *
 * @param userId the user it is about; null for tenant-wide messages
 * @param topic the user-facing topic, for preferences; null for the security team's messages
 * @param dedupKey unique per channel: enqueuing the same key twice stores one message
 */
record NewMessage(String tenantId, @Nullable String userId, Channel channel, @Nullable Topic topic, Notice notice,
    String dedupKey) {
  NewMessage {
    requireNonNull(tenantId, "tenantId");
    requireNonNull(channel, "channel");
    requireNonNull(notice, "notice");
    requireNonNull(dedupKey, "dedupKey");
  }

  /**
   * Messages about one user on one channel keep their order; tenant-wide ones keep theirs per channel. A channel
   * that is down holds back only its own messages.
   */
  String orderingKey() {
    return userId == null
        ? "tenant:" + tenantId + ":" + channel.column()
        : "user:" + tenantId + ":" + userId + ":" + channel.column();
  }

  @Override
  public String toString() {
    return "NewMessage[tenant=" + tenantId + ", channel=" + channel.column() + ", kind=" + notice.kind() + "]";
  }
}
