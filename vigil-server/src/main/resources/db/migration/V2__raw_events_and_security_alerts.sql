-- Replay and investigation: every stored event gets a position in arrival order (seq), which is also the order
-- the engine saw it in, and keeps its raw JSON (address, user agent, device id) for the retention window only;
-- the retention job sets raw_event to NULL afterwards. Profiles are rebuilt from a snapshot plus the raw events
-- stored after it.
ALTER TABLE login_events ADD COLUMN seq bigserial NOT NULL;
ALTER TABLE login_events ADD COLUMN raw_event text;
CREATE UNIQUE INDEX login_events_seq ON login_events (seq);

-- One alert per risky login (or per burst window for campaign signals), shown to the user and the analysts.
CREATE TABLE security_alerts (
    id              bigserial   PRIMARY KEY,
    tenant_id       text        NOT NULL,
    user_id         text        NOT NULL,
    event_id        text        NOT NULL,
    alert_type      text        NOT NULL,
    signal_types    text[]      NOT NULL,
    severity        text        NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    message         text        NOT NULL,
    score           smallint    NOT NULL CHECK (score BETWEEN 0 AND 100),
    decision        text        NOT NULL,
    acknowledged    boolean     NOT NULL DEFAULT false,
    acknowledged_at timestamptz,
    occurred_at     timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    -- campaign alerts share a key per burst window, so ten failures make one alert, not ten
    dedup_key       text        NOT NULL,
    UNIQUE (tenant_id, user_id, dedup_key),
    FOREIGN KEY (tenant_id, event_id) REFERENCES login_events (tenant_id, event_id)
);

CREATE INDEX security_alerts_user_unread ON security_alerts (tenant_id, user_id, acknowledged, created_at DESC);
