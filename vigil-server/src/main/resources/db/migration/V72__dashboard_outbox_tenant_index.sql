-- The console's incident timeline reads the notifications sent about an incident from the outbox, by tenant and
-- from the incident's opening on (dashboard.NotificationTrail).
CREATE INDEX notification_outbox_tenant_created ON notification_outbox (tenant_id, created_at);
