package dev.vigil.server.events;

/**
 * Where outbound security events go. Called inside the transaction of the change it reports, so an event is
 * published exactly when the change commits: implementations write to a table of the same database (an
 * outbox) and never call out of the process — delivery to webhooks or Kafka happens after commit, from there.
 *
 * <p>This branch's implementation is {@link OutboundEventTable}; the notifications branch's outbox replaces it
 * at merge (one bean of this type).
 */
public interface SecurityEventPublisher {
  void publish(SecurityEvent event);
}
