package dev.vigil.core.enrich;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.LoginEvent;

/**
 * Completes a login event: geo from the lookup where the caller gave none or only part (the caller's parts win;
 * place parts are only borrowed from a lookup that agrees on the country), the network's category and list
 * membership, and the parsed user agent. Thread-safe if its three parts are, as the built-in ones are.
 */
public final class Enricher {
  private final GeoLookup geoLookup;
  private final NetworkClassifier networks;
  private final UserAgentParser userAgents;

  /**
   * @param geoLookup where addresses are, e.g. an {@link MmdbGeoLookup}, or {@link GeoLookup#NONE}
   * @param networks the network classifier with the operator's lists
   * @param userAgents the (caching) user-agent parser
   */
  public Enricher(GeoLookup geoLookup, NetworkClassifier networks, UserAgentParser userAgents) {
    this.geoLookup = requireNonNull(geoLookup, "geoLookup");
    this.networks = requireNonNull(networks, "networks");
    this.userAgents = requireNonNull(userAgents, "userAgents");
  }

  /** No geo database, the built-in ASN categories, no operator lists, a 10,000-entry user-agent cache. */
  public static Enricher defaults() {
    return new Enricher(GeoLookup.NONE, NetworkClassifier.builtIn(), new UserAgentParser(10_000));
  }

  /**
   * Enriches one event. The lookup is skipped when the caller's geo is already complete.
   *
   * @throws RuntimeException whatever the geo lookup throws (e.g. {@link java.io.UncheckedIOException} for a
   *     corrupt database)
   */
  public EnrichedLogin enrich(LoginEvent event) {
    requireNonNull(event, "event");
    Geo supplied = event.geo();
    Geo geo;
    if (supplied == null) {
      geo = geoLookup.lookup(event.ip());
    } else if (!GeoFill.isComplete(supplied)) {
      geo = GeoFill.complete(supplied, geoLookup.lookup(event.ip()));
    } else {
      geo = supplied;
    }
    return new EnrichedLogin(event, geo, networks.classify(event.ip(), geo), userAgents.parse(event.userAgent()));
  }
}
