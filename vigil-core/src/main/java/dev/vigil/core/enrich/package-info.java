/**
 * Enrichment: what an event does not say about itself. Geo and network (MMDB lookup, caller's geo wins),
 * the network's category (ISP, mobile, hosting, anonymizer) and operator allow/block lists, and the parsed
 * user agent (browser family and major version, OS, device class), cached.
 */
@NullMarked
package dev.vigil.core.enrich;

import org.jspecify.annotations.NullMarked;
