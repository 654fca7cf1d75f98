-- Incident response acts on the login service's own users, sessions and refresh_tokens (auth.SessionAccountControl),
-- so the stand-in account state of V51 has no reader or writer any more.
DROP TABLE account_sessions;
DROP TABLE account_freezes;
