/**
 * Incidents: risky logins and campaigns opened for analysts (or attached to the subject's open incident), their
 * status machine, the analyst's verdict with its feedback (profile learning, adaptive thresholds) and the
 * rollback of a false positive.
 */
@NullMarked
package dev.vigil.server.incident;

import org.jspecify.annotations.NullMarked;
