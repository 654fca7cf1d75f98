/**
 * The one engine of the process and the pipeline every login goes through: parse, assess, store event,
 * assessment and alerts durably, answer.
 */
@NullMarked
package dev.vigil.server.engine;

import org.jspecify.annotations.NullMarked;
