package dev.vigil.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ip-location-db ASN CSV, in the layout of its package. */
final class AsnCsvLookupTest {
  @TempDir
  Path dir;

  @Test
  void findsTheRangeHoldingAnAddressForBothFamiliesAndUnquotesOrganisations() throws IOException {
    Path v4 = Files.writeString(dir.resolve("asn-ipv4.csv"), """
        1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
        1.0.4.0,1.0.7.255,38803,Gtelecom Pty Ltd
        88.198.0.0,88.199.255.255,24940,Hetzner Online GmbH
        """);
    Path v6 = Files.writeString(dir.resolve("asn-ipv6.csv"), """
        2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC
        ::ffff:0:0,::ffff:ffff:ffff,1,Mapped (ignored)
        """);

    AsnCsvLookup lookup = AsnCsvLookup.load(v4, v6);

    assertThat(lookup.size()).isEqualTo(4);
    assertThat(lookup.lookup(IpAddress.parse("1.0.0.1"))).isEqualTo(
        new Geo(null, null, null, null, null, 13335L, "Cloudflare, Inc."));
    assertThat(lookup.lookup(IpAddress.parse("1.0.7.255")).asn()).isEqualTo(38803L);
    assertThat(lookup.lookup(IpAddress.parse("1.0.8.0"))).as("between ranges").isEqualTo(Geo.UNKNOWN);
    assertThat(lookup.lookup(IpAddress.parse("88.198.1.2")).asn()).isEqualTo(24940L);
    assertThat(lookup.lookup(IpAddress.parse("2001:4860:4860::8888")).asn()).isEqualTo(15169L);
    assertThat(lookup.lookup(IpAddress.parse("0.0.0.1"))).isEqualTo(Geo.UNKNOWN);
  }

  @Test
  void aBadLineNamesTheFileAndLine() throws IOException {
    Path bad = Files.writeString(dir.resolve("asn-ipv4.csv"), "1.0.0.0,1.0.0.255,13335,x\nnot,a,row\n");

    assertThatThrownBy(() -> AsnCsvLookup.load(bad)).isInstanceOf(IOException.class)
        .hasMessageContaining(bad + ": line 2");
  }

  @Test
  void geoDatabasesListsCityThenCountryThenNetworkFiles() throws IOException {
    for (String name : new String[] {"asn-ipv4.csv", "geo-whois-asn-country.mmdb", "dbip-city.mmdb", "notes.csv",
        "SOURCES.txt"}) {
      Files.writeString(dir.resolve(name), "");
    }

    assertThat(GeoDatabases.filesIn(dir)).extracting(p -> p.getFileName().toString())
        .containsExactly("dbip-city.mmdb", "geo-whois-asn-country.mmdb", "asn-ipv4.csv");
    assertThat(GeoDatabases.filesIn(dir.resolve("absent"))).isEmpty();
  }
}
