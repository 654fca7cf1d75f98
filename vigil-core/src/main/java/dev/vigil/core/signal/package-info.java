/**
 * Detectors: small, independent rules that look at one enriched login and the state Vigil keeps about its user
 * and its source, and say what is suspicious about it as {@link dev.vigil.core.signal.Signal}s.
 */
@NullMarked
package dev.vigil.core.signal;

import org.jspecify.annotations.NullMarked;
