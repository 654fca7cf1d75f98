/**
 * From score to decision: per-tenant thresholds and hard rules turn a score and its signals into ALLOW,
 * CHALLENGE or DENY plus the actions to take, in {@code monitor} or {@code enforce} mode.
 */
@NullMarked
package dev.vigil.core.policy;

import org.jspecify.annotations.NullMarked;
