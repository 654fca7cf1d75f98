/**
 * Per-tenant feature flags, table-backed and changed at runtime: enforcement mode, allowed actions, detectors on
 * or off, the incident threshold and the incident playbook — so a new rule can run in monitor mode before it
 * enforces (gray release).
 */
@NullMarked
package dev.vigil.server.flags;

import org.jspecify.annotations.NullMarked;
