/**
 * Vigil on Kafka Streams: the vigil-core engine partitioned by tenant+user, one engine per stream task, its state
 * checkpointed into a changelog-backed store, with per-network failure windows computed on a second sub-topology.
 * See docs/streams.md for the design, the guarantees and their limits.
 */
@NullMarked
package dev.vigil.streams;

import org.jspecify.annotations.NullMarked;
