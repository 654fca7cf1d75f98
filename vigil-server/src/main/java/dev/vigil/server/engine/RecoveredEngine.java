package dev.vigil.server.engine;

import dev.vigil.core.VigilEngine;

/**
 * The engine as rebuilt at start: the newest snapshot plus the events stored after it.
 *
 * @param engine the engine, holding every stored event's effect
 * @param lastSeq the {@code login_events.seq} of the last event it includes
 * @param replayed how many events were replayed on top of the snapshot (a long replay calls for a new snapshot)
 * @param known the (tenant, eventId) of every stored event
 */
record RecoveredEngine(VigilEngine engine, long lastSeq, long replayed, KnownEvents known) {}
