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

  /** Builds the enricher; warnings about skipped list lines go to {@code err}. */
  Enricher enricher(PrintStream err) throws IOException {
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
    GeoLookup geo = geoip.isEmpty() ? GeoLookup.NONE : MmdbGeoLookup.open(geoip.toArray(Path[]::new));
    return new Enricher(geo, classifier, new UserAgentParser(10_000));
  }

  private static CidrList read(Path file, PrintStream err) throws IOException {
    CidrList.ParseResult result = CidrList.parse(file);
    for (CidrList.ParseProblem problem : result.problems()) {
      err.printf("%s:%d: skipped: %s%n", file, problem.lineNumber(), problem.message());
    }
    return result.list();
  }
}
