/**
 * The state Vigil keeps: a compact behavioural profile per user, velocity counters per source (IP, network,
 * ASN) and per tenant, and population statistics per tenant. All of it is driven by event time and bounded in
 * memory; all of it is owned by the one thread that drives the engine.
 */
@NullMarked
package dev.vigil.core.profile;

import org.jspecify.annotations.NullMarked;
