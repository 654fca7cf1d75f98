-- The country of each login (ISO 3166 alpha-2, as the engine's enrichment sees it: the caller's geo when it names
-- one, else the geo database's), for the console's map of risky logins (issue 8). Null when neither knows.
-- Older rows stay null: their raw events may already be gone (retention), so no backfill is attempted.
ALTER TABLE login_events ADD COLUMN country text;
