-- Accounts of the built-in login service. A user belongs to one tenant; the same email may exist in two tenants
-- as two unrelated accounts. Passwords are Argon2id hashes in Spring Security's "{id}hash" form, so the
-- algorithm can change later without a migration. frozen: set by incident response; a frozen user cannot log in
-- and every access token of theirs is refused on its next use.
CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    tenant_id     text        NOT NULL,
    email         text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('USER', 'ANALYST', 'ADMIN')),
    frozen        boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    UNIQUE (tenant_id, email)
);
