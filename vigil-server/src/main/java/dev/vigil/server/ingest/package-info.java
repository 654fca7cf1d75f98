/**
 * Login events from Kafka ({@code vigil.ingest.kafka.enabled}), besides or instead of HTTP: consumed into the same
 * pipeline, offsets committed only once the pipeline has stored the events.
 */
@NullMarked
package dev.vigil.server.ingest;

import org.jspecify.annotations.NullMarked;
