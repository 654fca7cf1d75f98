-- Per-tenant challenge and deny thresholds (issue 8's policy view), carried into the engine with the other flags.
-- Null: the configured policy's threshold.
ALTER TABLE tenant_policy ADD COLUMN challenge_at smallint CHECK (challenge_at BETWEEN 1 AND 100);
ALTER TABLE tenant_policy ADD COLUMN deny_at smallint CHECK (deny_at BETWEEN 1 AND 101);
