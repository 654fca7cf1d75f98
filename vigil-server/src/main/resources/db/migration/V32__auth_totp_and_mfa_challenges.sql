-- TOTP second factor (RFC 6238). A secret is pending until the user proves they stored it with a first code.
-- last_step: the time step of the last accepted code, so a code cannot be replayed within its window.
CREATE TABLE totp_credentials (
    user_id       uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret        bytea       NOT NULL,
    created_at    timestamptz NOT NULL,
    activated_at  timestamptz,
    last_step     bigint
);

-- A login the engine challenged: the password was right, tokens wait for a TOTP code. Found by id (selector),
-- verified by the SHA-256 of its verifier; short-lived, a bounded number of tries.
CREATE TABLE mfa_challenges (
    id            uuid        PRIMARY KEY,
    verifier_hash bytea       NOT NULL,
    tenant_id     text        NOT NULL,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    login_event_id text       NOT NULL,
    network_key   bigint      NOT NULL,
    device_hash   text,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    attempts      int         NOT NULL DEFAULT 0,
    completed_at  timestamptz
);
