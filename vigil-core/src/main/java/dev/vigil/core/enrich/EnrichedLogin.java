package dev.vigil.core.enrich;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.LoginEvent;

/**
 * A login event with everything enrichment found out about it.
 *
 * @param event the event as received
 * @param geo the resolved geo: the caller's, completed from the lookup; {@link Geo#UNKNOWN} at worst
 * @param network the network's ASN, category and list membership
 * @param userAgent the parsed user agent
 */
public record EnrichedLogin(LoginEvent event, Geo geo, NetworkInfo network, UserAgentInfo userAgent) {
  public EnrichedLogin {
    requireNonNull(event, "event");
    requireNonNull(geo, "geo");
    requireNonNull(network, "network");
    requireNonNull(userAgent, "userAgent");
  }

  @Override
  public String toString() {
    return "EnrichedLogin[" + event + ", country=" + geo.country() + ", asn=" + network.asn() + ", category="
        + network.category() + ", ua=" + userAgent.display() + "]";
  }
}
