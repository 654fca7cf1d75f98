-- Notifications (issue 7): a transactional outbox written in the transaction that stores the alert, delivered
-- by dispatchers on any number of server instances (SELECT … FOR UPDATE SKIP LOCKED), plus the state around it.

-- One message to one channel. Recipients are resolved at send time (no email address is stored here), and the
-- "was this you?" links are signed at send time (no token is stored here).
CREATE TABLE notification_outbox (
    id              bigserial   PRIMARY KEY,
    tenant_id       text        NOT NULL,
    -- the user the message is about; null for tenant-wide messages (digests)
    user_id         text,
    channel         text        NOT NULL CHECK (channel IN ('email', 'slack', 'webhook', 'pagerduty')),
    -- what the message says: alert, user_check, digest, escalation, login_reported …
    kind            text        NOT NULL,
    -- the user-facing topic for preferences; null for messages to the security team
    topic           text,
    -- messages with the same key are delivered in id order: a later one waits while an earlier one is pending
    ordering_key    text        NOT NULL,
    -- one message per (channel, dedup_key): a second enqueue of the same thing is a no-op
    dedup_key       text        NOT NULL,
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'pending'
                                CHECK (status IN ('pending', 'delivered', 'dead', 'skipped')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    -- written by Vigil from the outcome (status code, exception type), never a server's free text or a secret
    last_error      text,
    UNIQUE (channel, dedup_key)
);

CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX notification_outbox_order ON notification_outbox (ordering_key, id) WHERE status = 'pending';
CREATE INDEX notification_outbox_dead ON notification_outbox (id) WHERE status = 'dead';

-- Medium alerts wait here for the tenant's next digest.
CREATE TABLE notification_digest_items (
    id         bigserial   PRIMARY KEY,
    tenant_id  text        NOT NULL,
    alert_id   bigint      NOT NULL UNIQUE,
    payload    jsonb       NOT NULL,
    created_at timestamptz NOT NULL
);

-- Which alerts (later: incidents) were escalated to PagerDuty, and whether the page was resolved.
CREATE TABLE notification_escalations (
    subject_kind text        NOT NULL,
    subject_id   bigint      NOT NULL,
    tenant_id    text        NOT NULL,
    escalated_at timestamptz NOT NULL,
    resolved_at  timestamptz,
    PRIMARY KEY (subject_kind, subject_id)
);

-- "Was this you?" links are single use: the first click of either link inserts the row, a second one finds it.
CREATE TABLE notification_link_uses (
    tenant_id text        NOT NULL,
    user_id   text        NOT NULL,
    event_id  text        NOT NULL,
    action    text        NOT NULL CHECK (action IN ('confirmed', 'reported')),
    used_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id, event_id)
);

-- "No, secure my account": kept for the security team and the incident-response work.
CREATE TABLE login_reports (
    id          bigserial   PRIMARY KEY,
    tenant_id   text        NOT NULL,
    user_id     text        NOT NULL,
    event_id    text        NOT NULL,
    alert_id    bigint      NOT NULL,
    reported_at timestamptz NOT NULL,
    UNIQUE (tenant_id, user_id, event_id)
);

-- What each user chose to receive; a missing row means the topic's default (on). Security-critical topics
-- cannot be switched off (enforced by NotificationPreferences and again by the dispatcher).
CREATE TABLE notification_preferences (
    tenant_id  text        NOT NULL,
    user_id    text        NOT NULL,
    topic      text        NOT NULL,
    enabled    boolean     NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id, topic)
);
