package dev.vigil.server.events;

/**
 * Where outbound security events go. Called inside the transaction of the change it reports, so an event is
 * published exactly when the change commits: implementations write to a table of the same database (an
 * outbox) and never call out of the process — delivery to webhooks or Kafka happens after commit, from there.
 *
 * <p>The implementation is the notification outbox's ({@code notify.OutboxSecurityEventPublisher}), which sends
 * the CloudEvents envelope to the tenant's webhook after commit.
 */
public interface SecurityEventPublisher {
  void publish(SecurityEvent event);
}
