-- One row per login that issued tokens. Access tokens name their session (claim sid), and every request checks
-- that the session is still open, so logout, force-logout and freezing take effect immediately, not when the
-- 15-minute token expires.
CREATE TABLE sessions (
    id            uuid        PRIMARY KEY,
    tenant_id     text        NOT NULL,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    login_event_id text       NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    ended_at      timestamptz,
    end_reason    text        CHECK (end_reason IN ('LOGOUT', 'REFRESH_TOKEN_REUSE', 'FORCED', 'FROZEN'))
);

CREATE INDEX sessions_user_open ON sessions (tenant_id, user_id) WHERE ended_at IS NULL;

-- Refresh tokens are "selector.verifier": the row is found by its id (the selector) and the verifier's SHA-256 is
-- compared in constant time. Each use replaces the token (rotation); presenting a replaced one again means it
-- was copied, and ends the whole session (the token family).
CREATE TABLE refresh_tokens (
    id            uuid        PRIMARY KEY,
    session_id    uuid        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    verifier_hash bytea       NOT NULL,
    issued_at     timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    revoked_at    timestamptz
);

CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);
