/** Wiring only: the clock, the embedded PostgreSQL used when no database is configured. */
@NullMarked
package dev.vigil.server.system;

import org.jspecify.annotations.NullMarked;
