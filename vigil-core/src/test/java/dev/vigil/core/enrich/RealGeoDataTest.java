package dev.vigil.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real addresses against the databases scripts/fetch-geo.sh installs in {@code ./data/geo}. Skipped when they are not
 * installed (CI keeps to the small committed test MMDBs); run {@code scripts/fetch-geo.sh} first to include it.
 */
final class RealGeoDataTest {
  private static final Path GEO_DIR = Path.of("..", "data", "geo");
  private static GeoDatabases geo;

  @BeforeAll
  static void open() throws IOException {
    List<Path> files = GeoDatabases.filesIn(GEO_DIR);
    assumeFalse(files.isEmpty(), "no geo data in " + GEO_DIR.toAbsolutePath() + " (run scripts/fetch-geo.sh)");
    geo = GeoDatabases.open(files);
  }

  @AfterAll
  static void close() throws IOException {
    if (geo != null) {
      geo.close();
    }
  }

  @Test
  void wellKnownResolversResolveToTheirOwnersNetworkAndCountry() {
    Geo google = geo.lookup(IpAddress.parse("8.8.8.8"));
    assertThat(google.asn()).isEqualTo(15169L);
    assertThat(google.country()).isEqualTo("US");

    Geo cloudflare = geo.lookup(IpAddress.parse("1.1.1.1"));
    assertThat(cloudflare.asn()).isEqualTo(13335L);
    assertThat(cloudflare.asOrg()).containsIgnoringCase("cloudflare");

    assertThat(geo.lookup(IpAddress.parse("2001:4860:4860::8888")).asn()).as("IPv6").isEqualTo(15169L);
  }

  @Test
  void cloudAddressesAreClassifiedAsHostingThroughTheShippedAsnList() {
    NetworkClassifier classifier = NetworkClassifier.builtIn();
    IpAddress hetzner = IpAddress.parse("88.198.0.1"); // Hetzner Online, AS24940

    Geo found = geo.lookup(hetzner);

    assertThat(found.asn()).isEqualTo(24940L);
    assertThat(found.country()).isEqualTo("DE");
    assertThat(classifier.classify(hetzner, found).category()).isEqualTo(NetworkCategory.HOSTING);
  }

  @Test
  void privateAddressesAreUnknownToThePublicData() {
    assertThat(geo.lookup(IpAddress.parse("10.1.2.3")).asn()).isNull();
    assertThat(Files.isDirectory(GEO_DIR)).isTrue();
  }
}
