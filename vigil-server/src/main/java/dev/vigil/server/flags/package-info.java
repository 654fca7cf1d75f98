/**
 * Per-tenant feature flags, table-backed and changed at runtime: enforcement mode, allowed actions, detectors on
 * or off, the challenge, deny and incident thresholds and the incident playbook — so a new rule can run in monitor
 * mode before it enforces (gray release). Also the console's policy view and its backtest of a proposed change on
 * the last 7 days of stored assessments ({@code /internal/policy}).
 */
@NullMarked
package dev.vigil.server.flags;

import org.jspecify.annotations.NullMarked;
