-- The group-commit writer stores each login's event, assessment and alert in one transaction, so these foreign keys
-- only re-check what that transaction just wrote, one index probe per row on the writer's single thread. Worse,
-- PostgreSQL caches the plan of that check per connection: planned while login_events was small (a fresh database
-- loading the demo), it becomes a sequential scan that costs seconds per batch once the table has grown (measured:
-- 6.2 s for 1,221 checks at 20,000 rows, against 5 µs per check with the index). The writer owns these rows; the
-- constraints go.
ALTER TABLE assessments DROP CONSTRAINT IF EXISTS assessments_tenant_id_event_id_fkey;
ALTER TABLE security_alerts DROP CONSTRAINT IF EXISTS security_alerts_tenant_id_event_id_fkey;
