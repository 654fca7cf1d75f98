-- The retention job looks for raw events received before its cutoff that still hold their raw JSON. Rows leave
-- this partial index once their raw_event is NULL, so it stays as small as the retention window.
CREATE INDEX login_events_raw_retention ON login_events (received_at) WHERE raw_event IS NOT NULL;
