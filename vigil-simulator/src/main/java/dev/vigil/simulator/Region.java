package dev.vigil.simulator;

/**
 * Where a country's address space comes from, so that simulated prefixes look like their region's (European
 * addresses under 2a02::/16 and 8x.x.x.x, American ones under 2600::/16 and 7x.x.x.x, and so on).
 */
enum Region {
  NORTH_AMERICA(0x2600, new int[] {24, 50, 66, 67, 68, 69, 71, 73, 74, 75, 76, 96, 97, 98, 99, 173, 174}),
  LATIN_AMERICA(0x2804, new int[] {177, 179, 181, 186, 187, 189, 190, 191, 200, 201}),
  EUROPE(0x2a02, new int[] {31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93,
      94, 95, 109, 176, 178, 188, 212, 213, 217}),
  ASIA_PACIFIC(0x2400, new int[] {1, 14, 27, 36, 39, 42, 49, 58, 59, 60, 61, 101, 110, 111, 112, 113, 114, 115,
      116, 118, 119, 121, 122, 124, 125, 126, 175, 180, 182, 183, 202, 203, 210, 211, 218, 219, 220, 221}),
  AFRICA(0x2c0f, new int[] {41, 102, 105, 154, 196, 197}),
  /** Cloud, hosting and anonymizer networks announce globally. */
  GLOBAL(0x2a05, new int[] {3, 13, 18, 34, 35, 45, 51, 52, 54, 104, 128, 137, 138, 139, 142, 143, 144, 146, 147,
      157, 159, 161, 164, 165, 167, 168, 185, 193, 194, 195});

  final int v6Top16;
  private final int[] firstOctets;

  Region(int v6Top16, int[] firstOctets) {
    this.v6Top16 = v6Top16;
    this.firstOctets = firstOctets;
  }

  /**
   * The i-th /16 of this region: walks the first octets, and for each round a second octet by an odd stride so
   * the sequence never repeats within 256 rounds.
   */
  int v4Block(int index) {
    int first = firstOctets[index % firstOctets.length];
    int second = ((index / firstOctets.length) * 37 + 11) & 0xFF;
    return (first << 24) | (second << 16);
  }

  int v6Block(int index) {
    return (v6Top16 << 16) | ((index * 0x0107 + 0x0a10) & 0xFFFF);
  }
}
