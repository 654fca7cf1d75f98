/** The incident loop's Micrometer meters (DESIGN.md §3 names), scraped at {@code /actuator/prometheus}. */
@NullMarked
package dev.vigil.server.metrics;

import org.jspecify.annotations.NullMarked;
