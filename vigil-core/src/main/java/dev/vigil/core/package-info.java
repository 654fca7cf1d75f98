/**
 * The engine facade: {@link dev.vigil.core.VigilEngine} turns login events into explained assessments,
 * a pure function of (event, state) driven by event time.
 */
@NullMarked
package dev.vigil.core;

import org.jspecify.annotations.NullMarked;
