package dev.vigil.core.enrich;

import dev.vigil.core.event.IpAddress;

/**
 * One network in CIDR notation, validated: {@code network} has no bits set beyond {@code prefixLength}.
 *
 * @param network the first address of the block
 * @param prefixLength 0–32 for IPv4, 0–128 for IPv6
 */
record CidrBlock(IpAddress network, int prefixLength) {

  CidrBlock {
    int max = network.v4() ? 32 : 128;
    if (prefixLength < 0 || prefixLength > max) {
      throw new IllegalArgumentException("prefix length must be 0-" + max + ": " + prefixLength);
    }
  }

  /**
   * Parses {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a bare address (a /32 or /128). An IPv4-mapped IPv6
   * block such as {@code ::ffff:10.0.0.0/104} becomes its IPv4 block ({@code 10.0.0.0/8}), as {@link IpAddress}
   * normalises those addresses to IPv4.
   *
   * <p>Host bits beyond the prefix are refused rather than masked: {@code 10.1.2.3/8} is more often a typo for
   * {@code 10.1.2.3/32} than a wish to list all of {@code 10.0.0.0/8}, and silently widening an operator's
   * list by 16 million addresses is the worse mistake. The message names the network that was probably meant.
   *
   * @throws IllegalArgumentException with a message that says what is wrong (it does not repeat the text)
   */
  static CidrBlock parse(String text) {
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    IpAddress address = IpAddress.tryParse(addressText);
    if (address == null) {
      throw new IllegalArgumentException("not an IPv4 or IPv6 address");
    }
    int max = address.v4() ? 32 : 128;
    int prefix = max;
    if (slash >= 0) {
      prefix = parsePrefix(text.substring(slash + 1));
      if (address.v4() && addressText.indexOf(':') >= 0) {
        // ::ffff:a.b.c.d/p — the address was normalised to IPv4, so the prefix must follow.
        if (prefix < 96 || prefix > 128) {
          throw new IllegalArgumentException("an IPv4-mapped block needs a prefix length of 96-128: /" + prefix);
        }
        prefix -= 96;
      } else if (prefix > max) {
        throw new IllegalArgumentException("prefix length must be 0-" + max + ": /" + prefix);
      }
    }
    IpAddress network = mask(address, prefix);
    if (!network.equals(address)) {
      throw new IllegalArgumentException(
          "host bits set beyond /" + prefix + " (did you mean " + network.canonical() + "/" + prefix + "?)");
    }
    return new CidrBlock(network, prefix);
  }

  /** The first address of the /{@code prefixLength} network that contains {@code address}. */
  static IpAddress mask(IpAddress address, int prefixLength) {
    if (address.v4()) {
      return new IpAddress(0, address.low() & v4Mask(prefixLength), true);
    }
    return new IpAddress(
        address.high() & highMask(prefixLength), address.low() & lowMask(prefixLength), false);
  }

  static long v4Mask(int prefixLength) {
    return prefixLength == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefixLength)) & 0xFFFF_FFFFL;
  }

  static long highMask(int prefixLength) {
    return prefixLength >= 64 ? -1L : prefixLength == 0 ? 0 : -1L << (64 - prefixLength);
  }

  static long lowMask(int prefixLength) {
    return prefixLength <= 64 ? 0 : prefixLength == 128 ? -1L : -1L << (128 - prefixLength);
  }

  private static int parsePrefix(String text) {
    if (text.isEmpty() || text.length() > 3) {
      throw new IllegalArgumentException("prefix length must be a number of 1-3 digits: /" + text);
    }
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("prefix length must be a number of 1-3 digits: /" + text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  @Override
  public String toString() {
    return network.canonical() + "/" + prefixLength;
  }
}
