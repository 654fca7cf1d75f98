-- Login events received over the engine API and the assessment returned for each.
-- Privacy: the client address is kept only as a keyed HMAC-SHA-256 (vigil.privacy.hmac-key) plus its masked
-- network form, and the user agent only as its display form ("Chrome 142 on Windows").

CREATE TABLE login_events (
    tenant_id          text        NOT NULL,
    event_id           text        NOT NULL,
    user_id            text        NOT NULL,
    occurred_at        timestamptz NOT NULL,
    outcome            text        NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE')),
    failure_reason     text,
    ip_hmac            char(64)    NOT NULL,
    ip_masked          text        NOT NULL,
    user_agent_display text,
    device_present     boolean     NOT NULL,
    auth_method        text,
    received_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, event_id)
);

CREATE INDEX login_events_user_time ON login_events (tenant_id, user_id, occurred_at DESC);

CREATE TABLE assessments (
    tenant_id  text        NOT NULL,
    event_id   text        NOT NULL,
    score      smallint    NOT NULL CHECK (score BETWEEN 0 AND 100),
    decision   text        NOT NULL,
    -- json, not jsonb: keeps the exact text first returned, so a repeated eventId gets the same bytes back.
    assessment json        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, event_id),
    FOREIGN KEY (tenant_id, event_id) REFERENCES login_events (tenant_id, event_id)
);
