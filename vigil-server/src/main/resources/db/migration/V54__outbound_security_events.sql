-- Outbound security events (security.login.blocked / .rollback) as CloudEvents 1.0 JSON, written in the
-- transaction of the change they report. Stand-in for the notifications branch's outbox, which takes them over.
CREATE TABLE outbound_events (
    id         uuid        PRIMARY KEY,
    tenant_id  text        NOT NULL,
    type       text        NOT NULL,
    envelope   text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX outbound_events_tenant ON outbound_events (tenant_id, created_at);
