-- Incidents (issue 6): a risky login, or a campaign, that an analyst must look at. One open incident per
-- subject (a user, or a source network for sprays and stuffing): later logins of the same subject attach to it.
CREATE TABLE incidents (
    id             uuid        PRIMARY KEY,
    tenant_id      text        NOT NULL,
    subject_kind   text        NOT NULL CHECK (subject_kind IN ('user', 'network')),
    subject_id     text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'CONFIRMED', 'FALSE_POSITIVE',
                                                          'ROLLED_BACK', 'CLOSED')),
    severity       text        NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    max_score      smallint    NOT NULL CHECK (max_score BETWEEN 0 AND 100),
    signal_types   text[]      NOT NULL,
    origin         text        NOT NULL CHECK (origin IN ('detected', 'manual', 'replay')),
    trace_id       char(32)    NOT NULL,
    note           text,
    -- NONE until a rollback is asked for; PARTIAL while some undo failed and is being retried
    rollback_state text        NOT NULL DEFAULT 'NONE' CHECK (rollback_state IN ('NONE', 'PARTIAL', 'COMPLETE')),
    opened_at      timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    -- row version: every change increments it (optimistic checks and a visible change counter)
    version        integer     NOT NULL DEFAULT 0
);

-- No duplicates, even under concurrent logins: at most one OPEN/ACKNOWLEDGED incident per subject.
CREATE UNIQUE INDEX incidents_one_open_per_subject ON incidents (tenant_id, subject_kind, subject_id)
    WHERE status IN ('OPEN', 'ACKNOWLEDGED');
CREATE INDEX incidents_tenant_opened ON incidents (tenant_id, opened_at DESC);
CREATE INDEX incidents_rollback_pending ON incidents (rollback_state) WHERE rollback_state = 'PARTIAL';

-- The logins that triggered or joined an incident. A login belongs to at most one incident, which makes replay
-- idempotent.
CREATE TABLE incident_events (
    tenant_id    text        NOT NULL,
    event_id     text        NOT NULL,
    incident_id  uuid        NOT NULL REFERENCES incidents (id),
    user_id      text        NOT NULL,
    score        smallint    NOT NULL,
    decision     text        NOT NULL,
    signal_types text[]      NOT NULL,
    occurred_at  timestamptz NOT NULL,
    attached_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, event_id),
    FOREIGN KEY (tenant_id, event_id) REFERENCES login_events (tenant_id, event_id)
);
CREATE INDEX incident_events_incident ON incident_events (incident_id);

-- What happened to an incident, in order, for people (no raw IP, user agent or secret).
CREATE TABLE incident_timeline (
    id          bigserial   PRIMARY KEY,
    incident_id uuid        NOT NULL REFERENCES incidents (id),
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    kind        text        NOT NULL,
    detail      text        NOT NULL
);
CREATE INDEX incident_timeline_incident ON incident_timeline (incident_id, id);
