-- Brute-force throttle, bound to (tenant, user, source network) so that an attacker's failures slow down only
-- the attacker's network, never the user's own (Keycloak issue #46164). source_key: the /24 or /48 network key
-- in hex, or '*' for the user-wide counter that applies to unfamiliar sources only. user_key: the account id, or
-- the name tried when no such account exists.
CREATE TABLE login_throttle (
    tenant_id       text        NOT NULL,
    user_key        text        NOT NULL,
    source_key      text        NOT NULL,
    failures        int         NOT NULL,
    last_failure_at timestamptz NOT NULL,
    blocked_until   timestamptz,
    PRIMARY KEY (tenant_id, user_key, source_key)
);

-- Where a user recently logged in successfully: networks (/24, /48 key in hex) and devices (SHA-256 of the
-- device id). A login from one of them is not slowed down by failures from elsewhere.
CREATE TABLE trusted_sources (
    tenant_id       text        NOT NULL,
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind            text        NOT NULL CHECK (kind IN ('NETWORK', 'DEVICE')),
    source_key      text        NOT NULL,
    last_success_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id, kind, source_key)
);
