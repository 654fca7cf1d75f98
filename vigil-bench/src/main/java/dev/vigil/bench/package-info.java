/**
 * Benchmarks: JMH throughput of the engine and of replay, and the heap cost of a user profile. Results and the
 * commands that produced them are recorded in docs/BENCHMARKS.md.
 */
@NullMarked
package dev.vigil.bench;

import org.jspecify.annotations.NullMarked;
