-- Enforcement (issue 6). Every action, planned or manual, is a row here with the state it changed, so that a
-- rollback can undo exactly that.
CREATE TABLE incident_actions (
    id                bigserial   PRIMARY KEY,
    tenant_id         text        NOT NULL,
    incident_id       uuid        REFERENCES incidents (id),   -- null for manual actions
    action            text        NOT NULL,
    target_kind       text        NOT NULL CHECK (target_kind IN ('user', 'source', 'incident')),
    target_id         text        NOT NULL,
    target_network    text,
    session_ids       text[]      NOT NULL DEFAULT '{}',
    adapter           text        NOT NULL,
    -- PENDING → DONE | FAILED (retried) | CANCELLED (rolled back first); RECORDED: monitor mode; NOT_ALLOWED: the
    -- tenant's flags forbid the action; DONE → UNDONE | UNDO_FAILED (retried)
    status            text        NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'CANCELLED', 'RECORDED',
                                                             'NOT_ALLOWED', 'UNDONE', 'UNDO_FAILED')),
    before_state      text,
    attempts          integer     NOT NULL DEFAULT 0,
    last_error        text,
    actor             text        NOT NULL,
    trace_id          char(32)    NOT NULL,
    event_received_at timestamptz,
    created_at        timestamptz NOT NULL,
    executed_at       timestamptz,
    undone_at         timestamptz,
    version           integer     NOT NULL DEFAULT 0
);
-- An incident does each action to each target once, however many of its logins ask for it.
CREATE UNIQUE INDEX incident_actions_once ON incident_actions (incident_id, action, target_kind, target_id)
    WHERE incident_id IS NOT NULL;
CREATE INDEX incident_actions_incident ON incident_actions (incident_id, id);
CREATE INDEX incident_actions_retry ON incident_actions (status) WHERE status IN ('PENDING', 'FAILED');

-- Operator lists of sources (DESIGN.md §5). Blocks written by enforcement are consulted by the login paths
-- (BlockList.isBlocked). Addresses are keyed HMACs (ip_hmac) or masked networks, never raw addresses.
CREATE TABLE ip_lists (
    id          bigserial   PRIMARY KEY,
    tenant_id   text        NOT NULL,
    list        text        NOT NULL CHECK (list IN ('block', 'allow')),
    ip_hmac     char(64),
    network     text,
    reason      text        NOT NULL,
    incident_id uuid,
    created_at  timestamptz NOT NULL,
    removed_at  timestamptz,
    CHECK (ip_hmac IS NOT NULL OR network IS NOT NULL)
);
CREATE INDEX ip_lists_active_hmac ON ip_lists (tenant_id, ip_hmac) WHERE removed_at IS NULL;
CREATE INDEX ip_lists_active_network ON ip_lists (tenant_id, network) WHERE removed_at IS NULL;

-- The default AccountControl's own state, until the built-in login service's users/sessions tables replace it.
CREATE TABLE account_freezes (
    tenant_id  text        NOT NULL,
    user_id    text        NOT NULL,
    frozen_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE account_sessions (
    tenant_id  text        NOT NULL,
    session_id text        NOT NULL,
    user_id    text        NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    PRIMARY KEY (tenant_id, session_id)
);
CREATE INDEX account_sessions_user ON account_sessions (tenant_id, user_id);
