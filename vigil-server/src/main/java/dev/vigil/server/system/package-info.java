/** Wiring only: the clock, scheduling, the embedded PostgreSQL used when no database is configured. */
@NullMarked
package dev.vigil.server.system;

import org.jspecify.annotations.NullMarked;
