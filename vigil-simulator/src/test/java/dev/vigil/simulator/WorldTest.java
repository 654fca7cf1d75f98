package dev.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.IpAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The built-in world is big enough to fool rules and never hands out an address twice or a private one. */
final class WorldTest {
  private final World world = Atlas.WORLD;

  @Test
  void hasAboutTwentyPopulatedCountriesWithBroadbandAndCarriers() {
    assertThat(world.populated()).hasSizeBetween(18, 24);
    assertThat(world.populated()).allSatisfy(country -> {
      assertThat(country.cities()).isNotEmpty();
      assertThat(country.residential()).hasSizeBetween(2, 4);
      assertThat(country.mobile()).hasSizeBetween(1, 2);
    });
  }

  @Test
  void knowsTheRealOperatorsByTheirAsNumbers() {
    assertThat(Places.asns(NetworkKind.RESIDENTIAL)).contains(3320L, 7922L, 2856L, 3215L);
    assertThat(Places.asns(NetworkKind.MOBILE)).contains(21928L);
    assertThat(Places.asns(NetworkKind.HOSTING)).contains(16509L, 14061L, 16276L, 24940L);
    assertThat(Places.asns(NetworkKind.ANONYMIZER)).contains(9009L, 60068L, 207137L);
  }

  @Test
  void prefixesArePublicAndNeverShared() {
    List<Prefix> prefixes = allPrefixes();
    Set<Integer> v4 = new HashSet<>();
    Set<Integer> v6 = new HashSet<>();
    SplittableRandom random = new SplittableRandom(1);
    for (Prefix prefix : prefixes) {
      assertThat(v4.add(prefix.v4Base())).as("v4 block %08x reused", prefix.v4Base()).isTrue();
      assertThat(v6.add(prefix.v6Top())).as("v6 block %08x reused", prefix.v6Top()).isTrue();
      IpAddress address = IpAddress.ofV4(prefix.randomV4(random));
      assertThat(address.isPrivate()).as(address.canonical()).isFalse();
      assertThat(prefix.contains(address)).isTrue();
      IpAddress v6Address = Prefix.v6(prefix.randomV6Network(random), random);
      assertThat(v6Address.isPrivate()).isFalse();
      assertThat(v6Address.canonical()).doesNotStartWith("2001:db8");
      assertThat(prefix.contains(v6Address)).isTrue();
    }
  }

  @Test
  void everyPrefixCarriesTheGeoOfItsCityAndNetwork() {
    assertThat(allPrefixes()).allSatisfy(prefix -> {
      assertThat(prefix.geo().country()).isEqualTo(prefix.city().countryCode());
      assertThat(prefix.geo().city()).isEqualTo(prefix.city().name());
      assertThat(prefix.geo().asn()).isPositive();
    });
  }

  @Test
  void browsersUpdateOnTheirReleaseTrains() {
    long october2026 = java.time.Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();
    long november2026 = java.time.Instant.parse("2026-11-15T00:00:00Z").getEpochSecond();

    assertThat(Browser.CHROME.versionAt(november2026, 0) / 100).isGreaterThan(Browser.CHROME.versionAt(october2026, 0) / 100);
    assertThat(Browser.CHROME.userAgent(Platform.WINDOWS, Browser.CHROME.versionAt(october2026, 0)))
        .matches("Mozilla/5\\.0 \\(Windows NT 10\\.0; Win64; x64\\) AppleWebKit/537\\.36 \\(KHTML, like Gecko\\) "
            + "Chrome/15\\d\\.0\\.0\\.0 Safari/537\\.36");
    assertThat(Browser.SAFARI.userAgent(Platform.IPHONE, Browser.SAFARI.versionAt(october2026, 0)))
        .contains("Version/27.0 Mobile/15E148 Safari/604.1");
  }

  private List<Prefix> allPrefixes() {
    List<Prefix> prefixes = new ArrayList<>();
    for (Country country : world.countries()) {
      country.residential().forEach(network -> prefixes.addAll(network.prefixes()));
      country.mobile().forEach(network -> prefixes.addAll(network.prefixes()));
    }
    world.hosting().forEach(network -> prefixes.addAll(network.prefixes()));
    world.anonymizers().forEach(network -> prefixes.addAll(network.prefixes()));
    world.companies().forEach(network -> prefixes.addAll(network.prefixes()));
    prefixes.addAll(world.cloudProxy().prefixes());
    return prefixes;
  }
}
