/** The Vigil server: Spring Boot wiring around the engine in {@code vigil-core}. */
@NullMarked
package dev.vigil.server;

import org.jspecify.annotations.NullMarked;
