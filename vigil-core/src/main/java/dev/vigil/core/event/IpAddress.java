package dev.vigil.core.event;

/**
 * An IPv4 or IPv6 address held as two longs, parsed without DNS.
 *
 * <p>Why not {@link java.net.InetAddress}: its parser may resolve host names, it allocates a byte array per
 * address, and the engine needs cheap equality, hashing and network prefixes on the hot path. IPv4 addresses
 * (including IPv4-mapped IPv6 such as {@code ::ffff:1.2.3.4}) are normalised to IPv4.
 *
 * <p>{@link #toString()} returns the masked form so that an address printed by accident leaks no more than a
 * /24; use {@link #canonical()} where the raw address is wanted on purpose (event files, HMAC input).
 *
 * @param high the upper 64 bits of the 128-bit address (0 for IPv4)
 * @param low the lower 64 bits (for IPv4: the 32-bit address in the low bits)
 * @param v4 whether this is an IPv4 address
 */
public record IpAddress(long high, long low, boolean v4) {

  public IpAddress {
    if (v4 && (high != 0 || (low >>> 32) != 0)) {
      throw new IllegalArgumentException("an IPv4 address has only 32 bits");
    }
  }

  /**
   * Parses a literal IPv4 (dotted quad) or IPv6 (RFC 4291 text form, with {@code ::} and an embedded
   * dotted quad) address.
   *
   * @throws InvalidEventException naming field {@code ip} when the text is not an address literal
   */
  public static IpAddress parse(String text) {
    IpAddress parsed = tryParse(text);
    if (parsed == null) {
      throw new InvalidEventException("ip", "must be an IPv4 or IPv6 address literal: " + quoteShort(text));
    }
    return parsed;
  }

  /** Like {@link #parse} but returns {@code null} instead of throwing. */
  public static @org.jspecify.annotations.Nullable IpAddress tryParse(String text) {
    if (text.isEmpty() || text.length() > 45) {
      return null;
    }
    if (text.indexOf(':') < 0) {
      long v4 = parseV4(text, 0, text.length());
      return v4 < 0 ? null : new IpAddress(0, v4, true);
    }
    return parseV6(text);
  }

  /** Builds an IPv4 address from its 32-bit value. */
  public static IpAddress ofV4(int address) {
    return new IpAddress(0, address & 0xFFFF_FFFFL, true);
  }

  /** Returns the dotted quad (IPv4) or the RFC 5952 text (IPv6) of this address. */
  public String canonical() {
    if (v4) {
      return v4Text(low);
    }
    int[] groups = groups();
    // RFC 5952: compress the longest run (length >= 2) of zero groups, the first one on a tie.
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  /**
   * The display form that keeps the network and hides the host: {@code 81.2.69.xxx} for IPv4, the /48 plus
   * {@code ::xxxx} for IPv6.
   */
  public String masked() {
    if (v4) {
      return ((low >>> 24) & 0xFF) + "." + ((low >>> 16) & 0xFF) + "." + ((low >>> 8) & 0xFF) + ".xxx";
    }
    int[] groups = groups();
    return Integer.toHexString(groups[0]) + ':' + Integer.toHexString(groups[1]) + ':'
        + Integer.toHexString(groups[2]) + "::xxxx";
  }

  /**
   * The network this address belongs to: its /24 for IPv4, its /48 for IPv6 — the size an ISP typically
   * hands one customer site, so DHCP churn inside it stays "the same network".
   */
  public long networkKey() {
    if (v4) {
      return (low & 0xFFFF_FF00L) | (1L << 40);
    }
    return (high & 0xFFFF_FFFF_FFFF_0000L) | 0x1L;
  }

  /** The network as shown to people: {@code 81.2.69.xxx/24}, or {@code 2001:db8:1::/48} (which hides the host). */
  public String maskedNetwork() {
    return v4 ? masked() + "/24" : networkText();
  }

  /**
   * The provider-sized block around this address — its /16 for IPv4, its /32 for IPv6 (a typical regional
   * allocation) — as a stand-in for the autonomous system when no geo/ASN data says which one it is.
   */
  public long providerBlockKey() {
    if (v4) {
      return (low & 0xFFFF_0000L) | (2L << 40);
    }
    return (high & 0xFFFF_FFFF_0000_0000L) | 0x2L;
  }

  /** The provider block as text, e.g. {@code 81.2.0.0/16} or {@code 2a02:8108::/32}. */
  public String providerBlockText() {
    if (v4) {
      return ((low >>> 24) & 0xFF) + "." + ((low >>> 16) & 0xFF) + ".0.0/16";
    }
    int[] groups = groups();
    return Integer.toHexString(groups[0]) + ':' + Integer.toHexString(groups[1]) + "::/32";
  }

  /** The network key as text, e.g. {@code 81.2.69.0/24} or {@code 2001:db8:1::/48}. */
  public String networkText() {
    if (v4) {
      return v4Text(low & 0xFFFF_FF00L) + "/24";
    }
    int[] groups = groups();
    return Integer.toHexString(groups[0]) + ':' + Integer.toHexString(groups[1]) + ':'
        + Integer.toHexString(groups[2]) + "::/48";
  }

  /** A well-mixed 64-bit hash of the whole address, for compact per-user sets. */
  public long hash64() {
    long h = high * 0x9E37_79B9_7F4A_7C15L ^ low;
    h ^= (h >>> 33);
    h *= 0xFF51_AFD7_ED55_8CCDL;
    h ^= (h >>> 33);
    return v4 ? h ^ 0x5BD1_E995L : h;
  }

  /** Whether this address is in a private, loopback, link-local or unique-local range. */
  public boolean isPrivate() {
    if (v4) {
      long a = low;
      return (a >>> 24) == 10
          || (a >>> 24) == 127
          || (a >>> 20) == (172L << 4 | 1)
          || (a >>> 16) == (192L << 8 | 168)
          || (a >>> 16) == (169L << 8 | 254)
          || (a >>> 22) == ((100L << 2) | 1); // 100.64.0.0/10 carrier-grade NAT
    }
    int first = (int) (high >>> 48);
    return (first & 0xFE00) == 0xFC00 || (first & 0xFFC0) == 0xFE80 || (high == 0 && low == 1);
  }

  @Override
  public String toString() {
    return masked();
  }

  private int[] groups() {
    int[] groups = new int[8];
    for (int i = 0; i < 4; i++) {
      groups[i] = (int) ((high >>> (48 - 16 * i)) & 0xFFFF);
      groups[i + 4] = (int) ((low >>> (48 - 16 * i)) & 0xFFFF);
    }
    return groups;
  }

  private static String v4Text(long a) {
    return ((a >>> 24) & 0xFF) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
  }

  /** Parses a dotted quad in text[from, to); returns -1 when it is not one. Leading zeros are refused. */
  private static long parseV4(String text, int from, int to) {
    long value = 0;
    int parts = 0;
    int i = from;
    while (i < to) {
      int start = i;
      int part = 0;
      while (i < to && i - start < 4) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        part = part * 10 + (c - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 3 || part > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return -1;
      }
      value = (value << 8) | part;
      parts++;
      if (i == to) {
        break;
      }
      if (text.charAt(i) != '.' || parts == 4) {
        return -1;
      }
      i++;
      if (i == to) {
        return -1;
      }
    }
    return parts == 4 ? value : -1;
  }

  private static @org.jspecify.annotations.Nullable IpAddress parseV6(String text) {
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int length = text.length();
    int i = 0;
    if (text.startsWith("::")) {
      gap = 0;
      i = 2;
      if (length == 2) {
        return new IpAddress(0, 0, false);
      }
    } else if (text.charAt(0) == ':') {
      return null;
    }
    while (i < length) {
      if (count == 8) {
        return null;
      }
      int start = i;
      int group = 0;
      while (i < length && i - start < 5) {
        int digit = Character.digit(text.charAt(i), 16);
        if (digit < 0) {
          break;
        }
        group = (group << 4) | digit;
        i++;
      }
      if (i < length && text.charAt(i) == '.') {
        // An embedded dotted quad takes the last two groups.
        if (count > 6) {
          return null;
        }
        long v4 = parseV4(text, start, length);
        if (v4 < 0) {
          return null;
        }
        groups[count++] = (int) (v4 >>> 16);
        groups[count++] = (int) (v4 & 0xFFFF);
        i = length;
        break;
      }
      int digits = i - start;
      if (digits == 0 || digits > 4) {
        return null;
      }
      groups[count++] = group;
      if (i == length) {
        break;
      }
      if (text.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < length && text.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
      } else if (i == length) {
        return null;
      }
    }
    if (gap < 0 && count != 8) {
      return null;
    }
    if (gap >= 0) {
      if (count == 8) {
        return null;
      }
      int tail = count - gap;
      System.arraycopy(groups, gap, groups, 8 - tail, tail);
      java.util.Arrays.fill(groups, gap, 8 - tail, 0);
    }
    long high = 0;
    long low = 0;
    for (int g = 0; g < 4; g++) {
      high = (high << 16) | groups[g];
      low = (low << 16) | groups[g + 4];
    }
    if (high == 0 && (low >>> 32) == 0xFFFFL) {
      return new IpAddress(0, low & 0xFFFF_FFFFL, true);
    }
    return new IpAddress(high, low, false);
  }

  static String quoteShort(String text) {
    String shown = text.length() > 64 ? text.substring(0, 64) + "…" : text;
    return '"' + shown + '"';
  }
}
