package dev.vigil.core.enrich;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link GeoLookup} that knows only networks: the address-range CSV of the ip-location-db {@code asn} package
 * ({@code asn-ipv4.csv}, {@code asn-ipv6.csv}: {@code first,last,asn,organisation}, the organisation quoted when
 * it holds a comma), for installations where the ASN database is not available as MMDB. Immutable and thread-safe.
 *
 * <p>Ranges are kept in sorted primitive arrays and found by binary search (about 400,000 IPv4 and 100,000 IPv6
 * ranges take ~25 MB and a second to load); organisation names are shared between ranges.
 */
public final class AsnCsvLookup implements GeoLookup {
  private final long[] firstHigh;
  private final long[] firstLow;
  private final long[] lastHigh;
  private final long[] lastLow;
  private final long[] asn;
  private final String[] org;
  private final Path[] files;

  private AsnCsvLookup(Ranges ranges, Path[] files) {
    this.firstHigh = ranges.firstHigh;
    this.firstLow = ranges.firstLow;
    this.lastHigh = ranges.lastHigh;
    this.lastLow = ranges.lastLow;
    this.asn = ranges.asn;
    this.org = ranges.org;
    this.files = files;
  }

  /**
   * Reads the files.
   *
   * @throws IOException naming the file and line when a file cannot be read or a line is not
   *     {@code first,last,asn,organisation} with addresses of the same family
   */
  public static AsnCsvLookup load(Path... files) throws IOException {
    requireNonNull(files, "files");
    List<long[]> rows = new ArrayList<>();
    List<String> orgs = new ArrayList<>();
    Map<String, String> shared = new HashMap<>();
    for (Path file : files) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lineNumber++;
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          try {
            String[] parts = line.split(",", 4);
            IpAddress first = IpAddress.parse(parts[0].strip());
            IpAddress last = IpAddress.parse(parts[1].strip());
            if (first.v4() != last.v4()) {
              throw new IllegalArgumentException("first and last address are of different families");
            }
            boolean writtenAsV6 = parts[0].indexOf(':') >= 0;
            if (writtenAsV6 && (first.v4() || first.high() == 0)) {
              continue; // ::/64 (IPv4-mapped, read as IPv4, and the like): no global unicast, and would mix with IPv4
            }
            long number = Long.parseLong(parts[2].strip());
            String name = parts.length > 3 ? unquote(parts[3].strip()) : "";
            rows.add(new long[] {key(first), first.low(), key(last), last.low(), number, orgs.size()});
            orgs.add(shared.computeIfAbsent(name, n -> n));
          } catch (RuntimeException e) {
            throw new IOException(file + ": line " + lineNumber + ": not 'first,last,asn,organisation': "
                + e.getMessage(), e);
          }
        }
      }
    }
    rows.sort((a, b) -> {
      int byHigh = Long.compareUnsigned(a[0], b[0]);
      return byHigh != 0 ? byHigh : Long.compareUnsigned(a[1], b[1]);
    });
    Ranges ranges = new Ranges(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      long[] row = rows.get(i);
      ranges.firstHigh[i] = row[0];
      ranges.firstLow[i] = row[1];
      ranges.lastHigh[i] = row[2];
      ranges.lastLow[i] = row[3];
      ranges.asn[i] = row[4];
      ranges.org[i] = orgs.get((int) row[5]);
    }
    return new AsnCsvLookup(ranges, files.clone());
  }

  /** How many ranges are loaded. */
  public int size() {
    return asn.length;
  }

  @Override
  public Geo lookup(IpAddress ip) {
    requireNonNull(ip, "ip");
    long high = key(ip);
    long low = ip.low();
    int lo = 0;
    int hi = asn.length - 1;
    int found = -1;
    while (lo <= hi) { // the last range starting at or before ip
      int mid = (lo + hi) >>> 1;
      int c = compare(firstHigh[mid], firstLow[mid], high, low);
      if (c <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0 || compare(lastHigh[found], lastLow[found], high, low) < 0 || asn[found] <= 0) {
      return Geo.UNKNOWN;
    }
    return new Geo(null, null, null, null, null, asn[found], org[found].isEmpty() ? null : org[found]);
  }

  @Override
  public String toString() {
    return "AsnCsvLookup" + Arrays.toString(files) + "[" + asn.length + " ranges]";
  }

  /**
   * IPv4 and IPv6 ranges share one array: IPv4 addresses sort under high word 0, which IPv6 ranges never have
   * here ({@code ::/64} holds no global unicast; such rows are dropped at load), so the families never mix.
   */
  private static long key(IpAddress ip) {
    return ip.v4() ? 0L : ip.high();
  }

  private static int compare(long aHigh, long aLow, long bHigh, long bLow) {
    int byHigh = Long.compareUnsigned(aHigh, bHigh);
    return byHigh != 0 ? byHigh : Long.compareUnsigned(aLow, bLow);
  }

  private static String unquote(String field) {
    if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
      return field.substring(1, field.length() - 1).replace("\"\"", "\"");
    }
    return field;
  }

  private static final class Ranges {
    final long[] firstHigh;
    final long[] firstLow;
    final long[] lastHigh;
    final long[] lastLow;
    final long[] asn;
    final String[] org;

    Ranges(int size) {
      firstHigh = new long[size];
      firstLow = new long[size];
      lastHigh = new long[size];
      lastLow = new long[size];
      asn = new long[size];
      org = new String[size];
    }
  }
}
