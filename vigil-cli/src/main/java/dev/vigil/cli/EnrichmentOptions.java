package dev.vigil.cli;

import dev.vigil.core.enrich.CidrList;
import dev.vigil.core.enrich.Enricher;
import dev.vigil.core.enrich.GeoLookup;
import dev.vigil.core.enrich.MmdbGeoLookup;
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
      description = "MaxMind-format MMDB file(s) (city and/or ASN) filling the geo events lack; the event's own geo wins.")
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
   * {@code *.mmdb} files of {@code geoDir} (when it exists) are used: city databases first, then country, then
   * ASN, as {@link MmdbGeoLookup} wants the most precise first.
   */
  Enricher enricher(PrintStream err) throws IOException {
    return enricher(err, DEFAULT_GEO_DIR);
  }

  Enricher enricher(PrintStream err, Path geoDir) throws IOException {
    List<Path> geoFiles = geoip.isEmpty() ? GeoFiles.in(geoDir) : geoip;
    geoStatus = geoFiles.isEmpty()
        ? "geo: none (no --geoip and no " + geoDir + "/*.mmdb; run scripts/fetch-geo.sh for free geo/ASN data)"
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
    GeoLookup geo = geoFiles.isEmpty() ? GeoLookup.NONE : MmdbGeoLookup.open(geoFiles.toArray(Path[]::new));
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
