-- Outbound security events go through the notification outbox (notify.OutboxSecurityEventPublisher) to the
-- tenant's webhook; the stand-in table of V54 has no reader or writer any more.
DROP TABLE outbound_events;
