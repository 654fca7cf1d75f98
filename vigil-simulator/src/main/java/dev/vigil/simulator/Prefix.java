package dev.vigil.simulator;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import java.util.SplittableRandom;

/**
 * One block of addresses a network announces from one city: an IPv4 /16 and an IPv6 /32. Synthetic but
 * public-looking (no private, reserved or documentation ranges), so the simulated world never has to be
 * downloaded.
 *
 * <p>The geo every address in the block reports is built once here, so events share it instead of each
 * allocating its own.
 *
 * @param v4Base the /16's first address as a 32-bit value (low 16 bits zero)
 * @param v6Top the /32's upper 32 bits
 * @param city where the block is
 * @param geo the geo an identity provider would attach to addresses of this block
 */
record Prefix(int v4Base, int v6Top, City city, Geo geo) {

  /** A host address in the block: any /24 inside it, never the .0 or .255 address. */
  int randomV4(SplittableRandom random) {
    return v4Base | (random.nextInt(256) << 8) | (1 + random.nextInt(254));
  }

  /** The upper 64 bits of one customer's /64: a /48 site and a subnet inside the block's /32. */
  long randomV6Network(SplittableRandom random) {
    return ((long) v6Top << 32) | (random.nextLong() & 0xFFFF_FFFFL);
  }

  /** An address in the given /64 with a random interface id, as privacy extensions hand out per session. */
  static IpAddress v6(long network, SplittableRandom random) {
    return new IpAddress(network, random.nextLong() | 0x0100_0000_0000_0000L, false);
  }

  boolean contains(IpAddress ip) {
    if (ip.v4()) {
      return (ip.low() & 0xFFFF_0000L) == (v4Base & 0xFFFF_0000L);
    }
    return (int) (ip.high() >>> 32) == v6Top;
  }
}
