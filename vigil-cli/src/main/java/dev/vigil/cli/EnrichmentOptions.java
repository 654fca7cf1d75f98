package dev.vigil.cli;

import dev.vigil.core.enrich.CidrList;
import dev.vigil.core.enrich.Enricher;
import dev.vigil.core.enrich.GeoDatabases;
import dev.vigil.core.enrich.GeoLookup;
import dev.vigil.core.enrich.NetworkClassifier;
import dev.vigil.core.enrich.UserAgentParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The enrichment options shared by the commands that run the engine: geo/ASN databases and operator CIDR lists.
 * A list file's bad lines are reported with their line numbers and skipped; the rest of the list is used.
 */
final class EnrichmentOptions {
  @Option(names = "--geoip", paramLabel = "FILE", arity = "1..*",
      description = "MaxMind-format MMDB file(s) (city, country, ASN) and ip-location-db ASN CSVs filling the geo events "
          + "lack; the event's own geo wins. Default: the files of ./data/geo (scripts/fetch-geo.sh).")
  List<Path> geoip = new ArrayList<>();

  @Option(names = "--blocklist", paramLabel = "FILE", description = "CIDR blocklist, one per line (# comments).")
  @Nullable Path blocklist;

  @Option(names = "--allowlist", paramLabel = "FILE",
      description = "CIDR allowlist (office egress, corporate VPN): network signals are silenced for it.")
  @Nullable Path allowlist;

  @Option(names = "--anonymizers", paramLabel = "FILE", description = "CIDR list of VPN/proxy/Tor exit ranges.")
  @Nullable Path anonymizers;

  /** Where MMDB files are picked up when no {@code --geoip} is given (relative to the working directory). */
  static final Path DEFAULT_GEO_DIR = Path.of("data", "geo");

  private String geoStatus = "geo: none";

  /**
   * Builds the enricher; warnings about skipped list lines go to {@code err}. Without {@code --geoip}, the
   * {@code *.mmdb} and {@code asn*.csv} files of {@code geoDir} (when it exists) are used, most precise first
   * ({@link GeoDatabases#filesIn}).
   */
  Enricher enricher(PrintStream err) throws IOException {
    return enricher(err, DEFAULT_GEO_DIR);
  }

  Enricher enricher(PrintStream err, Path geoDir) throws IOException {
    List<Path> geoFiles = geoip.isEmpty() ? GeoDatabases.filesIn(geoDir) : geoip;
    geoStatus = geoFiles.isEmpty()
        ? "geo: none (no --geoip and no " + geoDir + "/*.mmdb or asn*.csv; run scripts/fetch-geo.sh for free geo/ASN data)"
        : "geo: " + geoFiles.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "));
    NetworkClassifier classifier = NetworkClassifier.builtIn();
    if (blocklist != null) {
      classifier = classifier.withBlocklist(read(blocklist, err));
    }
    if (allowlist != null) {
      classifier = classifier.withAllowlist(read(allowlist, err));
    }
    if (anonymizers != null) {
      classifier = classifier.withAnonymizerList(read(anonymizers, err));
    }
    GeoLookup geo = geoFiles.isEmpty() ? GeoLookup.NONE : GeoDatabases.open(geoFiles);
    return new Enricher(geo, classifier, new UserAgentParser(10_000));
  }

  /** One line saying which geo data the last {@link #enricher} call loaded, or that it found none. */
  String geoStatus() {
    return geoStatus;
  }

  private static CidrList read(Path file, PrintStream err) throws IOException {
    CidrList.ParseResult result = CidrList.parse(file);
    for (CidrList.ParseProblem problem : result.problems()) {
      err.printf("%s:%d: skipped: %s%n", file, problem.lineNumber(), problem.message());
    }
    return result.list();
  }
}
