/**
 * A labelled, deterministic world of legitimate users and attackers (issue 4). {@link
 * dev.vigil.simulator.Simulator} turns {@link dev.vigil.simulator.SimulationSettings} into login events in the
 * public contract plus a {@link dev.vigil.simulator.Label} per event saying what really happened, so that
 * detectors can be measured against ground truth.
 *
 * <p>Everything — countries, networks, prefixes, user agents — is built in and every random choice comes from
 * one seeded generator, so the same settings always give byte-identical output. Time comes from
 * {@link dev.vigil.simulator.SimulationSettings#start()}, never the wall clock.
 */
@NullMarked
package dev.vigil.simulator;

import org.jspecify.annotations.NullMarked;
