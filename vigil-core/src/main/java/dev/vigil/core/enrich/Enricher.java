package dev.vigil.core.enrich;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.LoginEvent;

/**
 * Completes a login event: geo from the lookup where the caller gave none (the caller's parts win), the
 * network's category and list membership, and the parsed user agent. Thread-safe.
 */
public final class Enricher {
  private final GeoLookup geoLookup;
  private final NetworkClassifier networks;
  private final UserAgentParser userAgents;

  public Enricher(GeoLookup geoLookup, NetworkClassifier networks, UserAgentParser userAgents) {
    this.geoLookup = requireNonNull(geoLookup, "geoLookup");
    this.networks = requireNonNull(networks, "networks");
    this.userAgents = requireNonNull(userAgents, "userAgents");
  }

  /** No geo database, the built-in ASN categories, no operator lists, a 10,000-entry user-agent cache. */
  public static Enricher defaults() {
    return new Enricher(GeoLookup.NONE, NetworkClassifier.builtIn(), new UserAgentParser(10_000));
  }

  public EnrichedLogin enrich(LoginEvent event) {
    Geo supplied = event.geo();
    Geo geo;
    if (supplied == null) {
      geo = geoLookup.lookup(event.ip());
    } else if (supplied.country() == null || supplied.asn() == null || !supplied.hasLocation()) {
      geo = supplied.orElse(geoLookup.lookup(event.ip()));
    } else {
      geo = supplied;
    }
    return new EnrichedLogin(event, geo, networks.classify(event.ip(), geo), userAgents.parse(event.userAgent()));
  }
}
