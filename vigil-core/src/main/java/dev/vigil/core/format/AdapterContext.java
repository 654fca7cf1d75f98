package dev.vigil.core.format;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What an adapter needs besides the record itself.
 *
 * @param tenantId the tenant every event belongs to (vendor realms and accounts go to {@code attributes}): the
 *     caller decides, e.g. the API key's tenant
 * @param zone the zone of timestamps that carry none (syslog's {@code Nov 23 13:26:30})
 * @param reference "now" as the source knew it: syslog timestamps have no year, so each takes the year that puts it
 *     closest before this instant (a December line read in January belongs to last year). The CLI passes the
 *     file's modification time or the clock; the core never reads the clock itself
 * @param rejectFuture whether events more than {@link dev.vigil.core.event.EventLimits#MAX_FUTURE_SKEW} after
 *     {@code reference} are invalid (live ingest), or any time is accepted (history files)
 */
public record AdapterContext(String tenantId, ZoneId zone, Instant reference, boolean rejectFuture) {
  public AdapterContext {
    requireNonNull(tenantId, "tenantId");
    requireNonNull(zone, "zone");
    requireNonNull(reference, "reference");
    if (tenantId.isBlank()) {
      throw new IllegalArgumentException("tenantId must not be blank");
    }
  }
}
