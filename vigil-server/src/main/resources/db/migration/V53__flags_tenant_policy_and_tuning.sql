-- Per-tenant feature flags (issue 6), changed at runtime through PUT /admin/tenants/{tenant}/flags.
-- Absent row = defaults: the engine's mode, every action allowed, every detector on, no playbook.
CREATE TABLE tenant_policy (
    tenant_id          text        PRIMARY KEY,
    mode               text        CHECK (mode IN ('MONITOR', 'ENFORCE')),
    allowed_actions    text[]      NOT NULL,
    disabled_detectors text[]      NOT NULL DEFAULT '{}',
    incident_at        smallint    CHECK (incident_at BETWEEN 1 AND 101),
    playbook_actions   text[]      NOT NULL DEFAULT '{}',
    playbook_at        smallint    NOT NULL DEFAULT 101 CHECK (playbook_at BETWEEN 1 AND 101),
    version            integer     NOT NULL DEFAULT 0,
    updated_at         timestamptz NOT NULL
);

-- Adaptive thresholds: the score a login carrying this signal type needs to open an incident, per tenant.
-- Absent row = the tenant's incident threshold.
CREATE TABLE signal_thresholds (
    tenant_id   text     NOT NULL,
    signal_type text     NOT NULL,
    incident_at smallint NOT NULL CHECK (incident_at BETWEEN 1 AND 101),
    PRIMARY KEY (tenant_id, signal_type)
);

-- Every tuning step, so that each can be explained and reverted.
CREATE TABLE threshold_tunings (
    id          bigserial   PRIMARY KEY,
    tenant_id   text        NOT NULL,
    signal_type text        NOT NULL,
    old_value   smallint    NOT NULL,
    new_value   smallint    NOT NULL,
    incident_id uuid,
    reason      text        NOT NULL,
    created_at  timestamptz NOT NULL,
    reverted_at timestamptz
);
CREATE INDEX threshold_tunings_tenant ON threshold_tunings (tenant_id, id DESC);
