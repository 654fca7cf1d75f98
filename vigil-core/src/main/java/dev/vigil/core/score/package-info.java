/**
 * Scoring: the statistical risk-based-authentication model (Freeman et al., NDSS 2016) and the combination of
 * its verdict with the detectors' signals into one 0–100 score whose every point is explained by a signal.
 */
@NullMarked
package dev.vigil.core.score;

import org.jspecify.annotations.NullMarked;
