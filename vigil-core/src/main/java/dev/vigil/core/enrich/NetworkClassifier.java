package dev.vigil.core.enrich;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides what kind of network a login came from and whether an operator listed its address. Immutable and
 * thread-safe; the {@code with…} methods return a new classifier.
 *
 * <p>The category is decided by the first rule that applies:
 *
 * <ol>
 *   <li>the address is in the operator's {@linkplain #withAnonymizerList anonymizer list} (Tor exits, VPN
 *       egress ranges): {@link NetworkCategory#ANONYMIZER};
 *   <li>the ASN is in the operator's {@linkplain #withAsnCategories overrides}, then in the built-in table of
 *       about 90 well-known networks ({@code asn-categories.tsv}: clouds, VPN hosts, mobile carriers, big ISPs);
 *   <li>the AS organisation name contains a telling word: {@code vpn}, {@code proxy}, {@code tor exit},
 *       {@code anonym} → anonymizer; {@code mobile}, {@code wireless}, {@code cellular}, {@code mobility} →
 *       mobile; {@code hosting}, {@code cloud}, {@code server}, {@code data center}/{@code datacenter},
 *       {@code vps}, {@code colocation}, {@code dedicated} → hosting. This is a fallback for the long tail and
 *       errs both ways: a fixed-wireless ISP reads as mobile, a hoster named after its founder as an ISP. Put
 *       the networks that matter to you in the overrides;
 *   <li>an ASN is known, or the address is private (RFC 1918, loopback, link-local, unique-local, CGNAT):
 *       {@link NetworkCategory#ISP}. Private addresses are the operator's own network (office LAN, internal
 *       VPN concentrator) or a proxy that did not forward the client address; neither is a hoster or an
 *       anonymizer, and calling them UNKNOWN would make every internal login look odd;
 *   <li>otherwise {@link NetworkCategory#UNKNOWN}.
 * </ol>
 *
 * <p>List membership: an address may be on both the blocklist and the allowlist (an allowed office /16 with one
 * compromised host blocked, or a blocked hosting range containing your own scanner). The <em>more specific</em>
 * entry wins, as in routing; on a tie (the same prefix length) the blocklist wins, because wrongly trusting an
 * address costs more than wrongly distrusting it. So at most one of {@link NetworkInfo#blocklisted()} and
 * {@link NetworkInfo#allowlisted()} is true.
 */
public final class NetworkClassifier {
  private static final String BUILT_IN_RESOURCE = "asn-categories.tsv";

  private final Map<Long, NetworkCategory> asnCategories;
  private final CidrList blocklist;
  private final CidrList allowlist;
  private final CidrList anonymizers;

  private NetworkClassifier(
      Map<Long, NetworkCategory> asnCategories, CidrList blocklist, CidrList allowlist, CidrList anonymizers) {
    this.asnCategories = asnCategories;
    this.blocklist = blocklist;
    this.allowlist = allowlist;
    this.anonymizers = anonymizers;
  }

  /**
   * The built-in ASN table and name heuristics, with no operator lists. Reads the table (about 90 lines) on
   * each call: build one classifier at startup and share it.
   *
   * @throws IllegalStateException if the built-in table is missing or malformed (a packaging bug)
   */
  public static NetworkClassifier builtIn() {
    return new NetworkClassifier(loadBuiltIn(), CidrList.EMPTY, CidrList.EMPTY, CidrList.EMPTY);
  }

  /** This classifier with {@code blocklist} replacing the current blocklist. */
  public NetworkClassifier withBlocklist(CidrList blocklist) {
    return new NetworkClassifier(asnCategories, requireNonNull(blocklist, "blocklist"), allowlist, anonymizers);
  }

  /** This classifier with {@code allowlist} replacing the current allowlist. */
  public NetworkClassifier withAllowlist(CidrList allowlist) {
    return new NetworkClassifier(asnCategories, blocklist, requireNonNull(allowlist, "allowlist"), anonymizers);
  }

  /**
   * This classifier with {@code anonymizers} replacing the current anonymizer list: addresses in it are
   * {@link NetworkCategory#ANONYMIZER} whatever their ASN says. Feed it Tor exit lists and VPN egress ranges,
   * which share ASNs with ordinary hosting.
   */
  public NetworkClassifier withAnonymizerList(CidrList anonymizers) {
    return new NetworkClassifier(asnCategories, blocklist, allowlist, requireNonNull(anonymizers, "anonymizers"));
  }

  /**
   * This classifier with {@code categories} added to its ASN table, replacing built-in entries and earlier
   * overrides for the same ASNs.
   *
   * @param categories AS number (1 to 4,294,967,295) to category
   * @throws IllegalArgumentException naming the ASN if one is out of range or mapped to
   *     {@link NetworkCategory#UNKNOWN} (to undo an entry, map it to what the network really is)
   */
  public NetworkClassifier withAsnCategories(Map<Long, NetworkCategory> categories) {
    requireNonNull(categories, "categories");
    Map<Long, NetworkCategory> merged = new HashMap<>(asnCategories);
    categories.forEach((asn, category) -> {
      requireNonNull(asn, "asn");
      requireNonNull(category, "category of asn " + asn);
      checkEntry(asn, category);
      merged.put(asn, category);
    });
    return new NetworkClassifier(Map.copyOf(merged), blocklist, allowlist, anonymizers);
  }

  /**
   * Classifies the network of {@code ip}, whose ASN and AS organisation come from {@code geo} (absent parts
   * mean unknown).
   *
   * @return the ASN (0 when unknown), the organisation, the category and the list membership; never null
   */
  public NetworkInfo classify(IpAddress ip, Geo geo) {
    requireNonNull(ip, "ip");
    requireNonNull(geo, "geo");
    long asn = geo.asn() == null ? 0 : geo.asn();
    int blocked = blocklist.longestPrefix(ip);
    int allowed = allowlist.longestPrefix(ip);
    return new NetworkInfo(
        asn, geo.asOrg(), category(ip, asn, geo.asOrg()), blocked >= 0 && blocked >= allowed, allowed > blocked);
  }

  private NetworkCategory category(IpAddress ip, long asn, @Nullable String asOrg) {
    if (anonymizers.contains(ip)) {
      return NetworkCategory.ANONYMIZER;
    }
    if (asn > 0) {
      NetworkCategory listed = asnCategories.get(asn);
      if (listed != null) {
        return listed;
      }
    }
    if (asOrg != null) {
      NetworkCategory guessed = categoryFromName(asOrg);
      if (guessed != null) {
        return guessed;
      }
    }
    return asn > 0 || ip.isPrivate() ? NetworkCategory.ISP : NetworkCategory.UNKNOWN;
  }

  /**
   * The category an AS organisation name suggests, or {@code null}. Anonymizer words are checked first (a "VPN
   * hosting" company hides people), then mobile words (before hosting, so "Mobile Cloud" carriers stay mobile).
   */
  static @Nullable NetworkCategory categoryFromName(String asOrg) {
    String name = asOrg.toLowerCase(Locale.ROOT);
    if (containsAny(name, "vpn", "proxy", "tor exit", "anonym")) {
      return NetworkCategory.ANONYMIZER;
    }
    if (containsAny(name, "mobile", "wireless", "cellular", "mobility")) {
      return NetworkCategory.MOBILE;
    }
    if (containsAny(
        name, "hosting", "cloud", "server", "data center", "datacenter", "data centre", "vps", "colocation",
        "dedicated")) {
      return NetworkCategory.HOSTING;
    }
    return null;
  }

  private static boolean containsAny(String text, String... words) {
    for (String word : words) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static void checkEntry(long asn, NetworkCategory category) {
    if (asn < 1 || asn > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("asn must be 1-4294967295: " + asn);
    }
    if (category == NetworkCategory.UNKNOWN) {
      throw new IllegalArgumentException("asn " + asn + ": category UNKNOWN cannot be assigned");
    }
  }

  /** Reads {@code asn<TAB>category<TAB>name} lines; {@code #} starts a comment line. */
  static Map<Long, NetworkCategory> parseTable(BufferedReader reader) throws IOException {
    Map<Long, NetworkCategory> table = new HashMap<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", 3);
      try {
        long asn = Long.parseLong(fields[0].strip());
        NetworkCategory category = NetworkCategory.valueOf(fields.length > 1 ? fields[1].strip() : "");
        checkEntry(asn, category);
        if (table.put(asn, category) != null) {
          throw new IllegalArgumentException("asn " + asn + " is listed twice");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
      }
    }
    return Map.copyOf(table);
  }

  private static Map<Long, NetworkCategory> loadBuiltIn() {
    try (InputStream in = NetworkClassifier.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("built-in resource missing: " + BUILT_IN_RESOURCE);
      }
      return parseTable(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUILT_IN_RESOURCE, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(BUILT_IN_RESOURCE + " " + e.getMessage(), e);
    }
  }
}
