package dev.vigil.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the fixtures written by {@code make-test-mmdb.pl} (see that script for what each network holds). */
final class MmdbGeoLookupTest {

  static Path fixture(String name) {
    try {
      return Path.of(MmdbGeoLookupTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  static final Path CITY = fixture("test-city.mmdb");
  static final Path ASN = fixture("test-asn.mmdb");
  static final Path IP_LOCATION_DB = fixture("test-iplocdb.mmdb");

  private static IpAddress ip(String text) {
    return IpAddress.parse(text);
  }

  @Test
  void cityDatabaseGivesCountryRegionCityAndCoordinates() throws IOException {
    try (MmdbGeoLookup lookup = MmdbGeoLookup.open(CITY)) {
      assertThat(lookup.lookup(ip("192.0.2.10")))
          .isEqualTo(new Geo("DE", "BE", "Berlin", 52.52, 13.405, null, null));
    }
  }

  @Test
  void ipv6LookupUsesTheMostSpecificNetwork() throws IOException {
    try (MmdbGeoLookup lookup = MmdbGeoLookup.open(CITY)) {
      assertThat(lookup.lookup(ip("2001:db8:1::5")))
          .isEqualTo(new Geo("JP", "13", "Tokyo", 35.6895, 139.6917, null, null));
      assertThat(lookup.lookup(ip("2001:db8:2::1"))).isEqualTo(new Geo("FR", null, null, null, null, null, null));
    }
  }

  @Test
  void asnDatabaseGivesTheNetwork() throws IOException {
    try (MmdbGeoLookup lookup = MmdbGeoLookup.open(ASN)) {
      assertThat(lookup.lookup(ip("203.0.113.5")))
          .isEqualTo(new Geo(null, null, null, null, null, 16509L, "Amazon.com, Inc."));
      assertThat(lookup.lookup(ip("2001:db8:1::5")).asn()).isEqualTo(64510L);
    }
  }

  @Test
  void ipLocationDbLayoutIsUnderstoodWithFloatCoordinatesReadAsWritten() throws IOException {
    try (MmdbGeoLookup lookup = MmdbGeoLookup.open(IP_LOCATION_DB)) {
      assertThat(lookup.lookup(ip("192.0.2.1")))
          .isEqualTo(new Geo("AT", "Vienna", "Vienna", 48.2082, 16.3738, 64501L, "Example Other Ltd"));
    }
  }

  @Test
  void cityAndAsnDatabasesCombineIntoOneGeo() throws IOException {
    try (MmdbGeoLookup lookup = MmdbGeoLookup.open(CITY, ASN)) {
      assertThat(lookup.lookup(ip("81.2.69.160")))
          .isEqualTo(new Geo("GB", "ENG", "London", 51.5142, -0.0931, 64496L, "Example Broadband Ltd"));
    }
  }

  @Test
  void firstFileWinsEachPart() throws IOException {
    // Both files place 192.0.2.0/24, differently: the order of the files decides.
    try (MmdbGeoLookup cityFirst = MmdbGeoLookup.open(CITY, IP_LOCATION_DB);
        MmdbGeoLookup ipLocationDbFirst = MmdbGeoLookup.open(IP_LOCATION_DB, CITY)) {
      assertThat(cityFirst.lookup(ip("192.0.2.1")))
          .isEqualTo(new Geo("DE", "BE", "Berlin", 52.52, 13.405, 64501L, "Example Other Ltd"));
      assertThat(ipLocationDbFirst.lookup(ip("192.0.2.1")).city()).isEqualTo("Vienna");
    }
  }

  @Test
  void laterFileFillsWhatTheFirstLacksWhenTheyAgreeOnTheCountry() throws IOException {
    // The City file knows only "US" for 198.51.100.0/24; the ip-location-db file adds the place.
    try (MmdbGeoLookup lookup = MmdbGeoLookup.open(CITY, ASN, IP_LOCATION_DB)) {
      assertThat(lookup.lookup(ip("198.51.100.20")))
          .isEqualTo(new Geo("US", "California", "San Jose", 37.3394, -121.895, 64500L, "Example VPN Services"));
    }
  }

  @Test
  void ipv6AddressSkipsAnIpv4OnlyFile() throws IOException {
    try (MmdbGeoLookup lookup = MmdbGeoLookup.open(IP_LOCATION_DB, CITY)) {
      assertThat(lookup.lookup(ip("2001:db8:1::5")).city()).isEqualTo("Tokyo");
    }
  }

  @Test
  void unlistedAddressIsUnknown() throws IOException {
    try (MmdbGeoLookup lookup = MmdbGeoLookup.open(CITY, ASN, IP_LOCATION_DB)) {
      assertThat(lookup.lookup(ip("100.100.100.100"))).isEqualTo(Geo.UNKNOWN);
      assertThat(lookup.lookup(ip("2a00::1"))).isEqualTo(Geo.UNKNOWN);
    }
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("GeoLite-City.mmdb");

    assertThatThrownBy(() -> MmdbGeoLookup.open(CITY, missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void fileThatIsNotAnMmdbDatabaseIsNamed() {
    Path script = fixture("make-test-mmdb.pl");

    assertThatThrownBy(() -> MmdbGeoLookup.open(script))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot open MMDB file " + script);
  }

  @Test
  void openingNoFileIsRefused() {
    assertThatThrownBy(MmdbGeoLookup::open)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least one MMDB file is required");
  }

  @Test
  void lookupAfterCloseFails() throws IOException {
    MmdbGeoLookup lookup = MmdbGeoLookup.open(CITY);
    lookup.close();

    assertThatThrownBy(() -> lookup.lookup(ip("192.0.2.10")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("MmdbGeoLookup is closed");
  }

  @Test
  void concurrentLookupsSeeTheSameAnswers() throws Exception {
    List<String> addresses = List.of("192.0.2.10", "81.2.69.160", "2001:db8:1::5", "198.51.100.20", "8.8.8.8");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (MmdbGeoLookup lookup = MmdbGeoLookup.open(CITY, ASN, IP_LOCATION_DB)) {
      List<Geo> expected = addresses.stream().map(a -> lookup.lookup(ip(a))).toList();
      List<Future<List<Geo>>> runs = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> {
          List<Geo> seen = List.of();
          for (int i = 0; i < 500; i++) {
            seen = addresses.stream().map(a -> lookup.lookup(ip(a))).toList();
          }
          return seen;
        }));
      }
      for (Future<List<Geo>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
