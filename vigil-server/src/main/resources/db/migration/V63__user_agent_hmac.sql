-- The user agent, like the address, is kept for good only as a keyed HMAC-SHA-256 (vigil.privacy.hmac-key) beside
-- its display form; the raw header lives only in raw_event, for the retention window.
ALTER TABLE login_events ADD COLUMN user_agent_hmac char(64);
