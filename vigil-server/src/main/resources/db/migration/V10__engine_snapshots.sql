-- Engine state (profiles, tenant statistics, anomaly models) in the versioned format of VigilEngine.writeSnapshot.
-- last_seq is the login_events.seq of the last event the snapshot includes: a restart restores the newest snapshot
-- and replays the raw events with a larger seq, in seq order. Only the newest few are kept. known_events is the
-- Bloom filter of every (tenant, eventId) stored up to last_seq (KnownEvents), saved with the state it matches.
CREATE TABLE engine_snapshots (
    id         bigserial   PRIMARY KEY,
    last_seq   bigint      NOT NULL,
    profiles   integer     NOT NULL,
    created_at timestamptz NOT NULL,
    snapshot   bytea       NOT NULL,
    known_events bytea
);

CREATE INDEX engine_snapshots_newest ON engine_snapshots (last_seq DESC, id DESC);
