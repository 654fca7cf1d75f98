-- Outbound security events to Kafka (vigil.events.kafka.enabled): a fifth outbox channel, delivered with the
-- outbox's retries, back-off and dead letters like the others.
ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_channel_check;
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_channel_check
    CHECK (channel IN ('email', 'slack', 'webhook', 'pagerduty', 'kafka'));
