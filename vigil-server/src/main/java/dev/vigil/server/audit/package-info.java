/**
 * The append-only, hash-chained audit log of every analyst and automatic action, its reader and its verifier.
 */
@NullMarked
package dev.vigil.server.audit;

import org.jspecify.annotations.NullMarked;
