-- Append-only audit log of every analyst and automatic action (issue 6), one hash chain per tenant: each row
-- carries the SHA-256 of the previous row's hash and its own canonical content, so an edited or deleted row
-- breaks the chain at a place the verifier names. Appends are serialized per tenant by an advisory lock.
CREATE TABLE audit_log (
    tenant_id   text        NOT NULL,
    seq         bigint      NOT NULL CHECK (seq >= 1),
    occurred_at timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    target      text        NOT NULL,
    details     text        NOT NULL,
    prev_hash   char(64)    NOT NULL,
    hash        char(64)    NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);

-- The application never updates or deletes audit rows; the trigger makes an accident impossible. Someone with
-- the rights to disable it can still tamper, which is what the hash chain detects.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
