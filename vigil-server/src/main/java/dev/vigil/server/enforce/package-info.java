/**
 * Enforcement: carrying out an incident's actions (block the source, force a logout, freeze the account, require
 * MFA, page) through an {@link dev.vigil.server.enforce.Enforcer} adapter, recording each with the state it
 * changed so a rollback can undo it, and the manual endpoints for analysts.
 */
@NullMarked
package dev.vigil.server.enforce;

import org.jspecify.annotations.NullMarked;
