package dev.vigil.simulator;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import java.util.SplittableRandom;

/** An address and the geo that comes with it. */
record Origin(IpAddress ip, Geo geo) {
  static Origin in(Prefix prefix, SplittableRandom random) {
    return new Origin(IpAddress.ofV4(prefix.randomV4(random)), prefix.geo());
  }
}
