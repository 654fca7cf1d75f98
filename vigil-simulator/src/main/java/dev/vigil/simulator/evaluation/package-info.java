/**
 * Measuring detection: ground-truth labels joined to assessments, ROC/AUC, rates at the engine's decisions and
 * at fixed false-positive rates, per attacker model and attack type, campaign detection delay, the
 * re-authentication burden on legitimate users, and the baselines every report shows Vigil beside.
 */
@NullMarked
package dev.vigil.simulator.evaluation;

import org.jspecify.annotations.NullMarked;
