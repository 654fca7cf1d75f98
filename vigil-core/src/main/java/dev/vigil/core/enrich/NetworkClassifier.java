package dev.vigil.core.enrich;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;

/** PLACEHOLDER — being replaced by the enrichment work. */
public final class NetworkClassifier {
  public static NetworkClassifier builtIn() {
    return new NetworkClassifier();
  }

  public NetworkInfo classify(IpAddress ip, Geo geo) {
    return new NetworkInfo(geo.asn() == null ? 0 : geo.asn(), geo.asOrg(), NetworkCategory.UNKNOWN, false, false);
  }
}
