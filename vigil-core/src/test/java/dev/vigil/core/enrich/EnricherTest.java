package dev.vigil.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.Outcome;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class EnricherTest {

  private static final String CHROME_ON_WINDOWS =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

  private MmdbGeoLookup mmdb;
  private Enricher enricher;

  @BeforeEach
  void openDatabases() throws IOException {
    mmdb = MmdbGeoLookup.open(MmdbGeoLookupTest.CITY, MmdbGeoLookupTest.ASN);
    enricher = new Enricher(mmdb, NetworkClassifier.builtIn(), new UserAgentParser(100));
  }

  @AfterEach
  void closeDatabases() throws IOException {
    mmdb.close();
  }

  private static LoginEvent aliceFrom(String ip) {
    return LoginEvent.of("e-1", "acme", "alice", Instant.parse("2026-10-01T08:15:30Z"), Outcome.SUCCESS,
        IpAddress.parse(ip));
  }

  @Test
  void eventWithoutGeoGetsTheDatabasesGeoAndNetwork() {
    EnrichedLogin enriched = enricher.enrich(aliceFrom("192.0.2.10").withUserAgent(CHROME_ON_WINDOWS));

    assertThat(enriched.geo())
        .isEqualTo(new Geo("DE", "BE", "Berlin", 52.52, 13.405, 3320L, "Deutsche Telekom AG"));
    assertThat(enriched.network())
        .isEqualTo(new NetworkInfo(3320, "Deutsche Telekom AG", NetworkCategory.ISP, false, false));
    assertThat(enriched.userAgent().display()).isEqualTo("Chrome 131 on Windows");
  }

  @Test
  void callersGeoWinsAndItsGapsAreFilledFromTheDatabase() {
    // The caller names the city but has no coordinates and no network.
    Geo supplied = new Geo("DE", null, "Berlin", null, null, null, null);

    EnrichedLogin enriched = enricher.enrich(aliceFrom("192.0.2.10").withGeo(supplied));

    assertThat(enriched.geo())
        .isEqualTo(new Geo("DE", "BE", "Berlin", 52.52, 13.405, 3320L, "Deutsche Telekom AG"));
  }

  @Test
  void callersCoordinatesWinOverTheDatabasesAndOnlyTheMissingOrganisationIsFilled() {
    // The caller's coordinates are its own (e.g. from the device); the database's centroid must not replace them.
    Geo supplied = new Geo("DE", "BE", "Berlin", 52.5, 13.4, 3320L, null);

    EnrichedLogin enriched = enricher.enrich(aliceFrom("192.0.2.10").withGeo(supplied));

    assertThat(enriched.geo())
        .isEqualTo(new Geo("DE", "BE", "Berlin", 52.5, 13.4, 3320L, "Deutsche Telekom AG"));
  }

  @Test
  void regionAndCoordinatesOfAnotherCityAreNotBorrowed() {
    // The database says Berlin; the caller knows better (Potsdam, Brandenburg). Berlin's region and
    // coordinates would be wrong for Potsdam; the network is still the database's to tell.
    Geo supplied = new Geo("DE", null, "Potsdam", null, null, null, null);

    EnrichedLogin enriched = enricher.enrich(aliceFrom("192.0.2.10").withGeo(supplied));

    assertThat(enriched.geo())
        .isEqualTo(new Geo("DE", null, "Potsdam", null, null, 3320L, "Deutsche Telekom AG"));
  }

  @Test
  void placeIsNotBorrowedFromADatabaseThatDisagreesOnTheCountry() {
    // "Berlin, AT" would be a place that does not exist; the network is still the database's to tell.
    Geo supplied = new Geo("AT", null, null, null, null, null, null);

    EnrichedLogin enriched = enricher.enrich(aliceFrom("192.0.2.10").withGeo(supplied));

    assertThat(enriched.geo()).isEqualTo(new Geo("AT", null, null, null, null, 3320L, "Deutsche Telekom AG"));
  }

  @Test
  void organisationIsNotBorrowedForADifferentAsn() {
    Geo supplied = new Geo("DE", "BE", "Berlin", 52.52, 13.405, 64499L, null);

    EnrichedLogin enriched = enricher.enrich(aliceFrom("192.0.2.10").withGeo(supplied));

    assertThat(enriched.geo().asn()).isEqualTo(64499L);
    assertThat(enriched.geo().asOrg()).isNull();
  }

  @Test
  void completeCallerGeoIsUsedWithoutALookup() {
    GeoLookup mustNotBeCalled = ip -> {
      throw new AssertionError("lookup called for a complete geo");
    };
    Enricher noLookup = new Enricher(mustNotBeCalled, NetworkClassifier.builtIn(), new UserAgentParser(10));
    Geo supplied = new Geo("FR", "IDF", "Paris", 48.8566, 2.3522, 16276L, "OVH SAS");

    EnrichedLogin enriched = noLookup.enrich(aliceFrom("192.0.2.10").withGeo(supplied));

    assertThat(enriched.geo()).isEqualTo(supplied);
    assertThat(enriched.network().category()).isEqualTo(NetworkCategory.HOSTING);
  }

  @Test
  void networkIsClassifiedFromTheLookedUpAsn() {
    EnrichedLogin enriched = enricher.enrich(aliceFrom("203.0.113.5"));

    assertThat(enriched.network().category()).isEqualTo(NetworkCategory.HOSTING);
    assertThat(enriched.network().obscuresLocation()).isTrue();
  }

  @Test
  void defaultsParseTheUserAgentAndKeepTheCallersGeo() {
    Geo supplied = new Geo("DE", null, null, null, null, 3320L, "Deutsche Telekom AG");

    EnrichedLogin enriched = Enricher.defaults()
        .enrich(aliceFrom("192.0.2.10").withGeo(supplied).withUserAgent("python-requests/2.32.3"));

    assertThat(enriched.geo()).isEqualTo(supplied);
    assertThat(enriched.network().category()).isEqualTo(NetworkCategory.ISP);
    assertThat(enriched.userAgent().automated()).isTrue();
    assertThat(enriched.userAgent().deviceClass()).isEqualTo(DeviceClass.BOT);
  }

  @Test
  void defaultsWithoutGeoOrUserAgentKnowNothing() {
    EnrichedLogin enriched = Enricher.defaults().enrich(aliceFrom("192.0.2.10"));

    assertThat(enriched.geo()).isEqualTo(Geo.UNKNOWN);
    assertThat(enriched.network()).isEqualTo(NetworkInfo.UNKNOWN);
    assertThat(enriched.userAgent()).isEqualTo(UserAgentInfo.ABSENT);
  }
}
