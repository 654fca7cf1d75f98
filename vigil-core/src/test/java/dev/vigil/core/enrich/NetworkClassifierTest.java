package dev.vigil.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class NetworkClassifierTest {

  private static final IpAddress PUBLIC_IP = IpAddress.parse("203.0.113.10");
  private final NetworkClassifier builtIn = NetworkClassifier.builtIn();

  private static Geo network(long asn, String asOrg) {
    return new Geo(null, null, null, null, null, asn, asOrg);
  }

  @ParameterizedTest(name = "AS{0} is {1}")
  @CsvSource({
    "16509, HOSTING", "14618, HOSTING", "8075, HOSTING", "396982, HOSTING", "14061, HOSTING", "16276, HOSTING",
    "24940, HOSTING", "63949, HOSTING", "20473, HOSTING", "51167, HOSTING", "45102, HOSTING", "31898, HOSTING",
    "12876, HOSTING", "60781, HOSTING", "16265, HOSTING", "132203, HOSTING",
    "9009, ANONYMIZER", "60068, ANONYMIZER", "207137, ANONYMIZER", "39351, ANONYMIZER", "136787, ANONYMIZER",
    "396507, ANONYMIZER", "208323, ANONYMIZER", "62744, ANONYMIZER",
    "21928, MOBILE", "6167, MOBILE", "22394, MOBILE", "20057, MOBILE", "55836, MOBILE", "45609, MOBILE",
    "7922, ISP", "3320, ISP"
  })
  void builtInTableKnowsWellKnownNetworks(long asn, NetworkCategory expected) {
    // The org name is deliberately neutral: the table alone must decide.
    assertThat(builtIn.classify(PUBLIC_IP, network(asn, "Example Org")).category()).isEqualTo(expected);
  }

  @Test
  void tableWinsOverAMisleadingName() {
    // Verizon Wireless is in the table as MOBILE even if an MMDB names it "... Hosting ...".
    assertThat(builtIn.classify(PUBLIC_IP, network(6167, "Cellco Hosting Partnership")).category())
        .isEqualTo(NetworkCategory.MOBILE);
  }

  @ParameterizedTest(name = "\"{0}\" reads as {1}")
  @CsvSource({
    "Example VPN Services, ANONYMIZER",
    "Open Proxy Networks Ltd, ANONYMIZER",
    "Example Tor Exit Relays e.V., ANONYMIZER",
    "Anonymous Browsing Inc, ANONYMIZER",
    "Example Mobile Telecom, MOBILE",
    "Example Wireless LLC, MOBILE",
    "Example Cellular Co, MOBILE",
    "Example Mobility Ltd, MOBILE",
    "Example Hosting GmbH, HOSTING",
    "Example Cloud Computing, HOSTING",
    "Example Servers Ltd, HOSTING",
    "Example Data Center Inc, HOSTING",
    "Example Datacenter B.V., HOSTING",
    "Example VPS Ltd, HOSTING",
    "Example Colocation LLC, HOSTING",
    "Example Dedicated Ltd, HOSTING",
    "VPN Hosting Example, ANONYMIZER",
    "Example Broadband Ltd, ISP"
  })
  void unlistedAsnFallsBackToNameHeuristicsThenIsp(String asOrg, NetworkCategory expected) {
    // 64496-64511 are documentation ASNs: never in the table.
    assertThat(builtIn.classify(PUBLIC_IP, network(64500, asOrg)).category()).isEqualTo(expected);
  }

  @Test
  void nothingKnownIsUnknown() {
    NetworkInfo info = builtIn.classify(PUBLIC_IP, Geo.UNKNOWN);

    assertThat(info).isEqualTo(new NetworkInfo(0, null, NetworkCategory.UNKNOWN, false, false));
  }

  @Test
  void nameWithoutAsnStillCounts() {
    Geo orgOnly = new Geo(null, null, null, null, null, null, "Example Hosting GmbH");

    assertThat(builtIn.classify(PUBLIC_IP, orgOnly).category()).isEqualTo(NetworkCategory.HOSTING);
  }

  @Test
  void privateAndLoopbackAddressesAreTheOperatorsOwnNetwork() {
    for (String address : new String[] {"10.1.2.3", "192.168.0.10", "127.0.0.1", "fd00::1", "::1"}) {
      assertThat(builtIn.classify(IpAddress.parse(address), Geo.UNKNOWN).category())
          .as(address)
          .isEqualTo(NetworkCategory.ISP);
    }
  }

  @Test
  void operatorOverrideReplacesTheBuiltInCategory() {
    // An operator knows that the company's own egress runs through AWS: treat it as an ordinary network.
    NetworkClassifier classifier = builtIn.withAsnCategories(Map.of(16509L, NetworkCategory.ISP, 64500L,
        NetworkCategory.MOBILE));

    assertThat(classifier.classify(PUBLIC_IP, network(16509, "Amazon.com, Inc.")).category())
        .isEqualTo(NetworkCategory.ISP);
    assertThat(classifier.classify(PUBLIC_IP, network(64500, "Example Hosting")).category())
        .isEqualTo(NetworkCategory.MOBILE);
    assertThat(builtIn.classify(PUBLIC_IP, network(16509, "Amazon.com, Inc.")).category())
        .as("the original classifier is unchanged")
        .isEqualTo(NetworkCategory.HOSTING);
  }

  @Test
  void overrideToUnknownOrOfAnImpossibleAsnIsRefused() {
    assertThatThrownBy(() -> builtIn.withAsnCategories(Map.of(64500L, NetworkCategory.UNKNOWN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("asn 64500: category UNKNOWN cannot be assigned");
    assertThatThrownBy(() -> builtIn.withAsnCategories(Map.of(0L, NetworkCategory.ISP)))
        .hasMessage("asn must be 1-4294967295: 0");
  }

  @Test
  void anonymizerListWinsOverTheAsn() {
    NetworkClassifier classifier = builtIn.withAnonymizerList(CidrList.of("203.0.113.0/28"));

    assertThat(classifier.classify(PUBLIC_IP, network(7922, "Comcast")).category())
        .isEqualTo(NetworkCategory.ANONYMIZER);
    assertThat(classifier.classify(IpAddress.parse("203.0.113.16"), network(7922, "Comcast")).category())
        .isEqualTo(NetworkCategory.ISP);
  }

  @Test
  void blocklistedAddressIsFlaggedAndOthersAreNot() {
    NetworkClassifier classifier = builtIn.withBlocklist(CidrList.of("203.0.113.0/24"));

    assertThat(classifier.classify(PUBLIC_IP, Geo.UNKNOWN).blocklisted()).isTrue();
    assertThat(classifier.classify(IpAddress.parse("198.51.100.1"), Geo.UNKNOWN).blocklisted()).isFalse();
  }

  @Test
  void allowlistedAddressIsFlagged() {
    NetworkClassifier classifier = builtIn.withAllowlist(CidrList.of("2001:db8::/32"));

    NetworkInfo info = classifier.classify(IpAddress.parse("2001:db8::5"), Geo.UNKNOWN);

    assertThat(info.allowlisted()).isTrue();
    assertThat(info.blocklisted()).isFalse();
  }

  @Test
  void moreSpecificListEntryWinsWhenAnAddressIsOnBothLists() {
    NetworkClassifier classifier = builtIn
        .withAllowlist(CidrList.of("203.0.113.0/24", "198.51.100.7"))
        .withBlocklist(CidrList.of("203.0.113.10", "198.51.100.0/24"));

    NetworkInfo compromisedOfficeHost = classifier.classify(PUBLIC_IP, Geo.UNKNOWN);
    NetworkInfo ourScannerInABadRange = classifier.classify(IpAddress.parse("198.51.100.7"), Geo.UNKNOWN);

    assertThat(compromisedOfficeHost.blocklisted()).isTrue();
    assertThat(compromisedOfficeHost.allowlisted()).isFalse();
    assertThat(ourScannerInABadRange.allowlisted()).isTrue();
    assertThat(ourScannerInABadRange.blocklisted()).isFalse();
  }

  @Test
  void blocklistWinsOverAnEquallySpecificAllowlistEntry() {
    NetworkClassifier classifier = builtIn
        .withAllowlist(CidrList.of("203.0.113.0/24"))
        .withBlocklist(CidrList.of("203.0.113.0/24"));

    NetworkInfo info = classifier.classify(PUBLIC_IP, Geo.UNKNOWN);

    assertThat(info.blocklisted()).isTrue();
    assertThat(info.allowlisted()).isFalse();
  }

  @Test
  void classificationCarriesAsnAndOrganisation() {
    NetworkInfo info = builtIn.classify(PUBLIC_IP, network(16509, "Amazon.com, Inc."));

    assertThat(info.asn()).isEqualTo(16509);
    assertThat(info.asOrg()).isEqualTo("Amazon.com, Inc.");
    assertThat(info.obscuresLocation()).isTrue();
  }

  @Test
  void malformedTableLineIsReportedWithItsNumber() {
    String table = "# comment\n16509\tHOSTING\tAmazon\n14061\tCLOUDY\tDigitalOcean\n";

    assertThatThrownBy(() -> NetworkClassifier.parseTable(new BufferedReader(new StringReader(table))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 3: ");
  }

  @Test
  void duplicateTableEntryIsRefused() {
    String table = "16509\tHOSTING\tAmazon\n16509\tISP\tAmazon again\n";

    assertThatThrownBy(() -> NetworkClassifier.parseTable(new BufferedReader(new StringReader(table))))
        .hasMessage("line 2: asn 16509 is listed twice");
  }
}
