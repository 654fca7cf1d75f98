-- Callers of the engine API (/api/**) are tenants holding API keys. A key is shown once, when it is issued, as
-- vgl_<id>_<secret>; only its id (for lookup) and the SHA-256 of its secret are stored. The secret has 256 random
-- bits, so a plain hash cannot be reversed by enumeration (unlike IP addresses, which need the keyed HMAC).
CREATE TABLE tenants (
    id         text        PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 512),
    created_at timestamptz NOT NULL
);

CREATE TABLE api_keys (
    id            text        PRIMARY KEY CHECK (id ~ '^[0-9a-f]{16}$'),
    tenant_id     text        NOT NULL REFERENCES tenants (id),
    secret_sha256 bytea       NOT NULL CHECK (octet_length(secret_sha256) = 32),
    label         text,
    created_at    timestamptz NOT NULL,
    -- refreshed at most once a minute per key, so that a busy key does not write on every request
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

CREATE INDEX api_keys_tenant ON api_keys (tenant_id);
