package dev.vigil.core.enrich;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.IpAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * An immutable set of IPv4 and IPv6 networks (CIDR blocks) that answers "is this address in one of them?", as
 * operators' blocklists and allowlists need. Thread-safe.
 *
 * <p>Entries are written {@code 10.0.0.0/8}, {@code 2001:db8::/32}, or as a bare address (a /32 or /128).
 * Host bits beyond the prefix are refused, not masked (see {@link #of}). An IPv4 block never contains an IPv6
 * address and vice versa; IPv4-mapped IPv6 addresses count as IPv4, as {@link IpAddress} does.
 *
 * <p>Design: one sorted array of masked network keys per prefix length that occurs in the list, searched from
 * the longest prefix to the shortest. A lookup costs one binary search per distinct prefix length present
 * (typically a handful; at most 33 for IPv4 and 129 for IPv6), independent of how the entries are spread, and
 * a 100,000-entry list takes about 1 MB. The longest-first order gives {@link #longestMatch} for free, which the
 * {@link NetworkClassifier} uses to let a more specific allow or block entry win.
 */
public final class CidrList {

  /** A list with no networks: contains nothing. */
  public static final CidrList EMPTY = new Builder().build();

  /** v4[p]: sorted masked IPv4 networks of prefix length p (empty when none). */
  private final long[][] v4;
  /** Prefix lengths present in {@link #v4}, longest first. */
  private final int[] v4Lengths;
  /**
   * v6[p]: masked IPv6 networks of prefix length p as (high, low) pairs, interleaved, sorted unsigned by high
   * then low.
   */
  private final long[][] v6;
  /** Prefix lengths present in {@link #v6}, longest first. */
  private final int[] v6Lengths;
  private final int size;

  private CidrList(long[][] v4, long[][] v6) {
    this.v4 = v4;
    this.v6 = v6;
    this.v4Lengths = presentLengths(v4);
    this.v6Lengths = presentLengths(v6);
    int count = 0;
    for (long[] keys : v4) {
      count += keys.length;
    }
    for (long[] keys : v6) {
      count += keys.length / 2;
    }
    this.size = count;
  }

  /**
   * Builds a list from literal entries, e.g. {@code CidrList.of("10.0.0.0/8", "2001:db8::/32", "192.0.2.7")}.
   * Duplicates are kept once.
   *
   * @throws IllegalArgumentException naming the first bad entry (its position, from 1, and its text) and the
   *     rule it breaks: not an address, prefix length out of range, or host bits set beyond the prefix
   * @throws NullPointerException if {@code cidrs} or an entry is null
   */
  public static CidrList of(String... cidrs) {
    requireNonNull(cidrs, "cidrs");
    Builder builder = new Builder();
    for (int i = 0; i < cidrs.length; i++) {
      String entry = requireNonNull(cidrs[i], "cidrs[" + i + "]").strip();
      try {
        builder.add(CidrBlock.parse(entry));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "cidr entry " + (i + 1) + " " + quote(entry) + ": " + e.getMessage(), e);
      }
    }
    return builder.build();
  }

  /**
   * Reads a list file: one CIDR block or address per line; blank lines and everything from {@code #} to the end
   * of a line are ignored. A bad line does not abort the read: it is skipped and reported in
   * {@link ParseResult#problems()} with its line number, so that one typo in a 50,000-line feed does not
   * disable the whole feed. The reader is read to its end but not closed.
   *
   * @throws IOException if reading fails
   */
  public static ParseResult parse(Reader reader) throws IOException {
    requireNonNull(reader, "reader");
    BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    Builder builder = new Builder();
    List<ParseProblem> problems = new ArrayList<>();
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      int hash = line.indexOf('#');
      String entry = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (entry.isEmpty()) {
        continue;
      }
      try {
        builder.add(CidrBlock.parse(entry));
      } catch (IllegalArgumentException e) {
        problems.add(new ParseProblem(lineNumber, quote(entry) + ": " + e.getMessage()));
      }
    }
    return new ParseResult(builder.build(), problems);
  }

  /**
   * Reads a UTF-8 list file, as {@link #parse(Reader)} does.
   *
   * @throws java.nio.file.NoSuchFileException naming the path if the file does not exist
   * @throws IOException if reading fails
   */
  public static ParseResult parse(Path file) throws IOException {
    requireNonNull(file, "file");
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader);
    }
  }

  /** Whether {@code ip} lies in one of the networks. Allocation-free. */
  public boolean contains(IpAddress ip) {
    return longestPrefix(requireNonNull(ip, "ip")) >= 0;
  }

  /**
   * The prefix length of the most specific network that contains {@code ip} (e.g. 32 when both
   * {@code 10.0.0.0/8} and {@code 10.1.2.3} are listed and {@code ip} is {@code 10.1.2.3}); empty when none does.
   */
  public OptionalInt longestMatch(IpAddress ip) {
    int prefix = longestPrefix(requireNonNull(ip, "ip"));
    return prefix < 0 ? OptionalInt.empty() : OptionalInt.of(prefix);
  }

  /** The number of distinct networks. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Counts only: the entries are operator data and may be long. */
  @Override
  public String toString() {
    return "CidrList[" + size + " networks]";
  }

  /** The longest matching prefix length, or -1. */
  int longestPrefix(IpAddress ip) {
    if (ip.v4()) {
      for (int prefix : v4Lengths) {
        if (Arrays.binarySearch(v4[prefix], ip.low() & CidrBlock.v4Mask(prefix)) >= 0) {
          return prefix;
        }
      }
      return -1;
    }
    for (int prefix : v6Lengths) {
      if (containsPair(v6[prefix], ip.high() & CidrBlock.highMask(prefix), ip.low() & CidrBlock.lowMask(prefix))) {
        return prefix;
      }
    }
    return -1;
  }

  private static boolean containsPair(long[] pairs, long high, long low) {
    int from = 0;
    int to = pairs.length / 2 - 1;
    while (from <= to) {
      int middle = (from + to) >>> 1;
      int order = Long.compareUnsigned(pairs[2 * middle], high);
      if (order == 0) {
        order = Long.compareUnsigned(pairs[2 * middle + 1], low);
      }
      if (order < 0) {
        from = middle + 1;
      } else if (order > 0) {
        to = middle - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** Quotes an entry for a message, shortened so that a garbage line cannot flood a report. */
  private static String quote(String entry) {
    return '"' + (entry.length() > 64 ? entry.substring(0, 64) + "…" : entry) + '"';
  }

  private static int[] presentLengths(long[][] byLength) {
    int count = 0;
    for (long[] keys : byLength) {
      if (keys.length > 0) {
        count++;
      }
    }
    int[] lengths = new int[count];
    int next = 0;
    for (int prefix = byLength.length - 1; prefix >= 0; prefix--) {
      if (byLength[prefix].length > 0) {
        lengths[next++] = prefix;
      }
    }
    return lengths;
  }

  /**
   * What {@link #parse} read: the list of every good line, and one problem per bad line.
   *
   * @param list the networks from the lines that parsed
   * @param problems the lines that did not, in file order; empty when all did
   */
  public record ParseResult(CidrList list, List<ParseProblem> problems) {
    public ParseResult {
      requireNonNull(list, "list");
      problems = List.copyOf(problems);
    }
  }

  /**
   * A line of a list file that was skipped.
   *
   * @param lineNumber the line's number, from 1
   * @param message the entry as written and what is wrong with it
   */
  public record ParseProblem(int lineNumber, String message) {
    public ParseProblem {
      requireNonNull(message, "message");
      if (lineNumber < 1) {
        throw new IllegalArgumentException("lineNumber must be >= 1: " + lineNumber);
      }
    }
  }

  /** Collects blocks, then sorts and de-duplicates them per prefix length. Single-threaded. */
  private static final class Builder {
    private final List<List<Long>> v4 = new ArrayList<>();
    private final List<List<IpAddress>> v6 = new ArrayList<>();

    Builder() {
      for (int i = 0; i <= 32; i++) {
        v4.add(new ArrayList<>());
      }
      for (int i = 0; i <= 128; i++) {
        v6.add(new ArrayList<>());
      }
    }

    void add(CidrBlock block) {
      if (block.network().v4()) {
        v4.get(block.prefixLength()).add(block.network().low());
      } else {
        v6.get(block.prefixLength()).add(block.network());
      }
    }

    CidrList build() {
      long[][] v4Keys = new long[33][];
      for (int prefix = 0; prefix <= 32; prefix++) {
        v4Keys[prefix] = v4.get(prefix).stream().mapToLong(Long::longValue).sorted().distinct().toArray();
      }
      Comparator<IpAddress> unsigned =
          Comparator.<IpAddress>comparingLong(a -> a.high() ^ Long.MIN_VALUE)
              .thenComparingLong(a -> a.low() ^ Long.MIN_VALUE);
      long[][] v6Keys = new long[129][];
      for (int prefix = 0; prefix <= 128; prefix++) {
        List<IpAddress> networks = v6.get(prefix).stream().distinct().sorted(unsigned).toList();
        long[] pairs = new long[networks.size() * 2];
        for (int i = 0; i < networks.size(); i++) {
          pairs[2 * i] = networks.get(i).high();
          pairs[2 * i + 1] = networks.get(i).low();
        }
        v6Keys[prefix] = pairs;
      }
      return new CidrList(v4Keys, v6Keys);
    }
  }
}
