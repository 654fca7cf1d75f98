package dev.vigil.core;

import static dev.vigil.core.Logins.BERLIN;
import static dev.vigil.core.Logins.CHICAGO;
import static dev.vigil.core.Logins.FRANKFURT_CLOUD;
import static dev.vigil.core.Logins.HAMBURG;
import static dev.vigil.core.Logins.SAO_PAULO;
import static dev.vigil.core.Logins.SAO_PAULO_VPN;
import static dev.vigil.core.Logins.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Action;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.policy.PolicySettings;
import dev.vigil.core.score.ScoringSettings;
import dev.vigil.core.signal.Detector;
import dev.vigil.core.signal.Detectors;
import dev.vigil.core.signal.Severity;
import dev.vigil.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine end to end, on scenarios that read as the rules they check. */
class EngineScenarioTest {
  private final VigilEngine engine = VigilEngine.builder().build();

  private void history(List<LoginEvent> events) {
    events.forEach(engine::assess);
  }

  @Test
  void allowsTheUsualLoginAfterAQuietMonthAtHome() {
    history(login("alice").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(30));

    Assessment usual = engine.assess(login("alice").from(BERLIN).device("d-1").at("2026-10-31T08:10:00Z").event());

    assertThat(usual.decision()).isEqualTo(Decision.ALLOW);
    assertThat(usual.score()).isLessThan(30);
    assertThat(usual.signals()).isEmpty();
  }

  @Test
  void challengesFirstLoginFromNewCountryAfterQuietMonth() {
    history(login("alice").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(30));

    Assessment brazil = engine.assess(login("alice").from(SAO_PAULO).device("d-9").at("2026-11-02T12:00:00Z").event());

    assertThat(brazil.decision()).isEqualTo(Decision.CHALLENGE);
    assertThat(brazil.signalTypes()).contains(SignalType.NEW_COUNTRY, SignalType.NEW_ASN, SignalType.NEW_DEVICE);
    assertThat(brazil.signals()).filteredOn(s -> s.type() == SignalType.NEW_COUNTRY)
        .singleElement().satisfies(s -> assertThat(s.detail()).isEqualTo("first login from BR; usual DE"));
    assertThat(brazil.actions()).contains(Action.REQUIRE_MFA);
  }

  @Test
  void aTenantsDetectorSwitchedOffAtRuntimeRaisesNothingFromTheNextLoginOn() {
    history(login("alice").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(30));
    TenantSettings before = engine.settings().forTenant("acme");

    engine.updateTenant("acme", before.withDetection(before.detection().without(SignalType.NEW_COUNTRY)));
    Assessment brazil = engine.assess(login("alice").from(SAO_PAULO).device("d-9").at("2026-11-02T12:00:00Z").event());

    assertThat(brazil.signalTypes()).doesNotContain(SignalType.NEW_COUNTRY).contains(SignalType.NEW_DEVICE);
    assertThat(engine.settings().forTenant("other")).as("other tenants keep theirs").isEqualTo(before);
  }

  @Test
  void newAddressInsideTheHomeNetworkIsNotAChallenge() {
    history(login("alice").from(BERLIN).host(10).device("d-1").at("2026-10-01T08:00:00Z").daily(30));

    Assessment dhcpChurn = engine.assess(
        login("alice").from(BERLIN).host(77).device("d-1").at("2026-10-31T08:00:00Z").event());

    assertThat(dhcpChurn.decision()).isEqualTo(Decision.ALLOW);
    assertThat(dhcpChurn.signalTypes()).containsExactly(SignalType.NEW_IP);
  }

  @Test
  void berlinThenSaoPauloTwentyMinutesLaterIsImpossibleTravel() {
    history(login("alice").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(20));

    Assessment hijack = engine.assess(
        login("alice").from(SAO_PAULO).device("d-1").at("2026-10-20T08:20:00Z").event());

    assertThat(hijack.signalTypes()).contains(SignalType.IMPOSSIBLE_TRAVEL);
    assertThat(hijack.signals()).filteredOn(s -> s.type() == SignalType.IMPOSSIBLE_TRAVEL).singleElement()
        .satisfies(s -> assertThat(s.detail()).startsWith("10,").contains("km in 20 min"));
    assertThat(hijack.decision()).isNotEqualTo(Decision.ALLOW);
  }

  @Test
  void berlinThenSaoPauloThroughAKnownVpnIsNotImpossibleTravel() {
    history(login("alice").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(20));
    // Each challenged VPN login teaches a little; after a few the VPN is the user's own.
    history(login("alice").from(Logins.SAO_PAULO_VPN).device("d-1").at("2026-10-21T12:00:00Z").daily(4));
    engine.assess(login("alice").from(BERLIN).device("d-1").at("2026-10-25T08:00:00Z").event());

    Assessment viaVpn = engine.assess(
        login("alice").from(Logins.SAO_PAULO_VPN).device("d-1").at("2026-10-25T08:20:00Z").event());

    assertThat(viaVpn.signalTypes()).doesNotContain(SignalType.IMPOSSIBLE_TRAVEL);
    assertThat(viaVpn.signals()).filteredOn(s -> s.type() == SignalType.ANONYMIZER).singleElement()
        .satisfies(s -> assertThat(s.severity()).isEqualTo(dev.vigil.core.signal.Severity.LOW));
  }

  @Test
  void aBrowserVersionBumpIsNotANewDevice() {
    history(login("alice").from(BERLIN).userAgent(Logins.CHROME_WIN_141).at("2026-10-01T08:00:00Z").daily(20));

    Assessment updated = engine.assess(
        login("alice").from(BERLIN).userAgent(Logins.CHROME_WIN_142).at("2026-10-21T08:00:00Z").event());
    Assessment otherBrowser = engine.assess(
        login("alice").from(BERLIN).userAgent(Logins.FIREFOX_LINUX).at("2026-10-21T09:00:00Z").event());

    assertThat(updated.signalTypes()).doesNotContain(SignalType.NEW_DEVICE);
    assertThat(otherBrowser.signalTypes()).contains(SignalType.NEW_DEVICE);
  }

  @Test
  void aNearlyChallengedLoginDoesNotMakeItsPlaceFamiliarAtOnce() {
    history(login("alice").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(30));

    // Another provider in the same country, in the small hours: doubtful (score ≥ trustedBelow), but below the
    // challenge threshold.
    Assessment first = engine.assess(login("alice").from(Logins.MUNICH).device("d-1").at("2026-10-31T02:00:00Z").event());
    Assessment returnVisit = engine.assess(
        login("alice").from(Logins.MUNICH).device("d-1").at("2026-11-01T08:00:00Z").event());

    assertThat(first.decision()).isEqualTo(Decision.ALLOW);
    assertThat(first.score()).isGreaterThanOrEqualTo(engine.settings().forTenant("acme").trustedBelow());
    assertThat(returnVisit.signalTypes()).as("one nearly challenged visit is not yet the user's place")
        .contains(SignalType.NEW_ASN, SignalType.NEW_NETWORK);

    // The user's own repeated visits make it familiar within a few logins.
    history(login("alice").from(Logins.MUNICH).device("d-1").at("2026-11-02T08:00:00Z").daily(3));
    Assessment settled = engine.assess(login("alice").from(Logins.MUNICH).device("d-1").at("2026-11-05T08:00:00Z").event());
    assertThat(settled.signalTypes()).doesNotContain(SignalType.NEW_ASN, SignalType.NEW_NETWORK);
  }

  @Test
  void aScriptedClientsOwnPlaceBecomesFamiliarThoughEveryLoginOfItLooksSuspicious() {
    // A service account: the same script from the same host every time. SCRIPTED_CLIENT is raised on every login,
    // which familiarity cannot resolve; only unfamiliarity may make the engine doubt what a login teaches.
    LoginEvent first = login("backup-job").from(BERLIN).userAgent("python-requests/2.32").at("2026-10-01T02:00:00Z")
        .event();
    engine.assess(first);

    Assessment second = engine.assess(login("backup-job").from(BERLIN).userAgent("python-requests/2.32")
        .at("2026-10-01T06:00:00Z").event());

    assertThat(second.signalTypes()).contains(SignalType.SCRIPTED_CLIENT)
        .doesNotContain(SignalType.NEW_DEVICE, SignalType.NEW_NETWORK, SignalType.NEW_ASN);
    assertThat(second.decision()).isEqualTo(Decision.ALLOW);
  }

  @Test
  void aYoungProfilesSecondDeviceAtHomeIsNotNewsButEverythingNewAbroadIs() {
    history(login("maya").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(2));

    Assessment secondDeviceNearby = engine.assess(
        login("maya").from(HAMBURG).device("d-2").at("2026-10-03T08:00:00Z").event());
    Assessment takeoverAbroad = engine.assess(
        login("maya").from(SAO_PAULO).device("d-9").at("2026-10-03T12:00:00Z").event());

    double fullDeviceWeight = ScoringSettings.defaults().weight(SignalType.NEW_DEVICE, Severity.HIGH);
    assertThat(secondDeviceNearby.decision()).isEqualTo(Decision.ALLOW);
    assertThat(secondDeviceNearby.signals()).filteredOn(s -> s.type() == SignalType.NEW_DEVICE).singleElement()
        .satisfies(s -> assertThat(s.weight()).as("in proportion to a two-login profile's history")
            .isCloseTo(fullDeviceWeight * ScoringSettings.defaults().maturity(2, false), within(1e-9))
            .isLessThan(fullDeviceWeight / 2));
    assertThat(takeoverAbroad.signals()).filteredOn(s -> s.type() == SignalType.NEW_DEVICE).singleElement()
        .satisfies(s -> assertThat(s.weight()).as("in a new country nothing is the user's: in full")
            .isCloseTo(fullDeviceWeight, within(1e-9)));
    assertThat(takeoverAbroad.decision()).isEqualTo(Decision.CHALLENGE);
  }

  @Test
  void aYoungProfileMaturesSoonerInATenantWhoseChallengesAreSeenConfirmed() {
    // Tenant "answers": a traveller's challenge was passed and confirmed; tenant "silent" never confirms.
    for (String tenant : List.of("answers", "silent")) {
      history(login("vera").tenant(tenant).from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(20));
      Assessment abroad = engine.assess(login("vera").tenant(tenant).from(SAO_PAULO).device("d-1")
          .at("2026-10-25T12:00:00Z").event());
      assertThat(abroad.decision()).isEqualTo(Decision.CHALLENGE);
      if (tenant.equals("answers")) {
        assertThat(engine.confirm(tenant, abroad.eventId())).isTrue();
      }
      history(login("maya").tenant(tenant).from(BERLIN).device("m-1").at("2026-10-26T08:00:00Z").daily(2));
    }

    double answered = newDeviceWeight(engine.assess(
        login("maya").tenant("answers").from(HAMBURG).device("m-2").at("2026-10-28T20:00:00Z").event()));
    double silent = newDeviceWeight(engine.assess(
        login("maya").tenant("silent").from(HAMBURG).device("m-2").at("2026-10-28T20:00:00Z").event()));

    ScoringSettings scoring = ScoringSettings.defaults();
    double full = scoring.weight(SignalType.NEW_DEVICE, Severity.HIGH);
    assertThat(answered).isCloseTo(full * scoring.maturity(2, true), within(1e-9));
    assertThat(silent).isCloseTo(full * scoring.maturity(2, false), within(1e-9));
    assertThat(answered).isGreaterThan(silent);
  }

  private static double newDeviceWeight(Assessment assessment) {
    return assessment.signals().stream().filter(s -> s.type() == SignalType.NEW_DEVICE).mapToDouble(s -> s.weight())
        .max().orElse(0);
  }

  @Test
  void anAccountsFirstSuccessfulLoginRanksAboveAnEstablishedLoginWithoutBeingChallenged() {
    history(login("omar").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(20));

    Assessment first = engine.assess(login("lea").from(BERLIN).device("d-7").at("2026-10-21T08:00:00Z").event());
    Assessment established = engine.assess(
        login("omar").from(BERLIN).device("d-1").at("2026-10-21T08:05:00Z").event());

    assertThat(first.signals()).filteredOn(s -> s.type() == SignalType.NEW_DEVICE).singleElement()
        .satisfies(s -> {
          assertThat(s.severity()).isEqualTo(Severity.LOW);
          assertThat(s.detail()).contains("first successful login of this account");
        });
    assertThat(first.decision()).isEqualTo(Decision.ALLOW);
    assertThat(first.score()).isGreaterThan(established.score());
  }

  @Test
  void aDeviceAndNetworkKnownFromOneLoginRankAboveEstablishedOnesUntilTheyAreUsedAgain() {
    history(login("ravi").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(20));
    Assessment laptopAtFriends = engine.assess(
        login("ravi").from(HAMBURG).device("d-2").at("2026-10-21T18:00:00Z").event());
    assertThat(laptopAtFriends.decision()).isEqualTo(Decision.CHALLENGE);
    engine.confirm(laptopAtFriends.tenantId(), laptopAtFriends.eventId()); // the owner passed the second factor

    Assessment secondVisit = engine.assess(
        login("ravi").from(HAMBURG).device("d-2").at("2026-10-22T18:00:00Z").event());
    Assessment usual = engine.assess(login("ravi").from(BERLIN).device("d-1").at("2026-10-23T08:00:00Z").event());
    history(login("ravi").from(HAMBURG).device("d-2").at("2026-10-24T18:00:00Z").daily(3));
    Assessment established = engine.assess(
        login("ravi").from(HAMBURG).device("d-2").at("2026-10-28T18:00:00Z").event());

    assertThat(secondVisit.signals()).filteredOn(s -> s.type() == SignalType.NEW_DEVICE).singleElement()
        .satisfies(s -> assertThat(s.severity()).isEqualTo(Severity.LOW));
    assertThat(secondVisit.decision()).isEqualTo(Decision.ALLOW);
    assertThat(secondVisit.score()).isGreaterThan(usual.score());
    assertThat(usual.signalTypes()).doesNotContain(SignalType.NEW_DEVICE);
    assertThat(established.signalTypes()).doesNotContain(SignalType.NEW_DEVICE);
  }

  @Test
  void aNewLaptopFirstUsedAtHomeIsLearnedInFullSoItsNextAddressOfTheSameProviderIsNotChallenged() {
    history(login("theo").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(20));

    Assessment atHome = engine.assess(login("theo").from(BERLIN).device("d-2").at("2026-10-21T20:00:00Z").event());
    Assessment nextDay = engine.assess(login("theo").from(HAMBURG).device("d-2").at("2026-10-22T20:00:00Z").event());

    assertThat(atHome.score()).as("doubtful by score alone").isGreaterThanOrEqualTo(engine.settings()
        .forTenant(atHome.tenantId()).trustedBelow());
    assertThat(atHome.decision()).isEqualTo(Decision.ALLOW);
    assertThat(nextDay.signalTypes()).contains(SignalType.NEW_NETWORK).doesNotContain(SignalType.NEW_DEVICE);
    assertThat(nextDay.decision()).isEqualTo(Decision.ALLOW);
  }

  @Test
  void aNewLaptopFirstSeenOnAStrangeNetworkStaysDoubtedUntilItReturns() {
    history(login("uma").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(20));

    engine.assess(login("uma").from(HAMBURG).device("d-2").at("2026-10-21T20:00:00Z").event());
    Assessment again = engine.assess(login("uma").from(Logins.MUNICH).device("d-2").at("2026-10-22T20:00:00Z")
        .event());

    assertThat(again.signalTypes()).contains(SignalType.NEW_DEVICE);
  }

  @Test
  void withoutDeviceCookiesANewBrowserOnAnUnfamiliarNetworkIsChallenged() {
    // This tenant's login page sets no device cookie: the browser family is all there is to know a device by.
    history(login("nina").from(BERLIN).userAgent(Logins.CHROME_WIN_142).at("2026-10-01T08:00:00Z").daily(20));

    Assessment stranger = engine.assess(login("nina").from(Logins.MUNICH).userAgent(Logins.FIREFOX_LINUX)
        .at("2026-10-21T08:00:00Z").event());
    Assessment newLaptopAtHome = engine.assess(login("nina").from(BERLIN).userAgent(Logins.FIREFOX_LINUX)
        .at("2026-10-21T09:00:00Z").event());

    assertThat(stranger.signals()).filteredOn(s -> s.type() == SignalType.NEW_DEVICE).singleElement()
        .satisfies(s -> assertThat(s.severity()).isEqualTo(dev.vigil.core.signal.Severity.HIGH));
    assertThat(stranger.decision()).isEqualTo(Decision.CHALLENGE);
    assertThat(newLaptopAtHome.signals()).filteredOn(s -> s.type() == SignalType.NEW_DEVICE).singleElement()
        .satisfies(s -> assertThat(s.severity()).isEqualTo(dev.vigil.core.signal.Severity.LOW));
    assertThat(newLaptopAtHome.decision()).isEqualTo(Decision.ALLOW);
  }

  @Test
  void withoutGeoTheProviderBlockStandsInForTheAs() {
    history(login("olga").from(BERLIN).withoutGeo().device("d-1").at("2026-10-01T08:00:00Z").daily(20));

    Assessment sameBlock = engine.assess(login("olga").from(new Logins.Place("DE", null, "Berlin", 52.5, 13.4, 3320,
        "x", "81.2.70.")).withoutGeo().device("d-1").at("2026-10-21T08:00:00Z").event());
    Assessment otherProvider = engine.assess(login("olga").from(SAO_PAULO).withoutGeo().device("d-1")
        .at("2026-10-22T08:00:00Z").event());

    assertThat(sameBlock.signalTypes()).contains(SignalType.NEW_NETWORK).doesNotContain(SignalType.NEW_ASN);
    assertThat(otherProvider.signals()).filteredOn(s -> s.type() == SignalType.NEW_ASN).singleElement()
        .satisfies(s -> assertThat(s.detail()).isEqualTo("first login from provider block 177.32.0.0/16"));
  }

  @Test
  void aScriptFromACloudServerFailingIsFlaggedOnItsFirstAttempt() {
    history(login("alice").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(10));

    Assessment bot = engine.assess(login("alice").from(Logins.FRANKFURT_CLOUD).userAgent(Logins.PYTHON_REQUESTS)
        .failed(FailureReason.BAD_PASSWORD).at("2026-10-12T08:00:00Z").event());

    assertThat(bot.signalTypes()).contains(SignalType.HOSTING_NETWORK, SignalType.SCRIPTED_CLIENT);
    assertThat(bot.decision()).isNotEqualTo(Decision.ALLOW);
  }

  @Test
  void aBlocklistedAddressIsDeniedWhateverTheScore() {
    var classifier = dev.vigil.core.enrich.NetworkClassifier.builtIn()
        .withBlocklist(dev.vigil.core.enrich.CidrList.of("81.2.69.0/24"));
    VigilEngine guarded = VigilEngine.builder().enricher(new dev.vigil.core.enrich.Enricher(
        dev.vigil.core.enrich.GeoLookup.NONE, classifier, new dev.vigil.core.enrich.UserAgentParser(100))).build();
    login("alice").from(BERLIN).host(99).at("2026-10-01T08:00:00Z").daily(10).forEach(guarded::assess);

    Assessment blocked = guarded.assess(login("alice").from(BERLIN).host(10).at("2026-10-12T08:00:00Z").event());

    assertThat(blocked.decision()).isEqualTo(Decision.DENY);
    assertThat(blocked.signalTypes()).contains(SignalType.BLOCKLISTED_IP);
  }

  @Test
  void flyingBerlinToChicagoOvernightIsNotImpossibleTravel() {
    history(login("alice").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(20));

    Assessment arrived = engine.assess(
        login("alice").from(CHICAGO).device("d-1").at("2026-10-20T20:00:00Z").event());

    assertThat(arrived.signalTypes()).doesNotContain(SignalType.IMPOSSIBLE_TRAVEL);
  }

  @Test
  void shortHopsAreNeverImpossibleTravel() {
    history(login("alice").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(20));

    // Berlin to Hamburg is 255 km: 3,000 km/h in 5 minutes, but hops under 500 km are geolocation noise.
    Assessment hamburg = engine.assess(login("alice").from(HAMBURG).device("d-1").at("2026-10-20T08:05:00Z").event());

    assertThat(hamburg.signalTypes()).doesNotContain(SignalType.IMPOSSIBLE_TRAVEL);
  }

  @Test
  void fiveFailuresInFifteenMinutesFromOneNetworkAreBruteForce() {
    history(login("bob").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(10));
    Instant start = Instant.parse("2026-10-12T03:00:00Z");
    List<Assessment> attempts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      attempts.add(engine.assess(login("bob").from(SAO_PAULO).host(66).failed(FailureReason.BAD_PASSWORD)
          .at(start.plus(Duration.ofMinutes(2L * i))).event()));
    }

    assertThat(attempts.subList(0, 4)).noneMatch(a -> a.has(SignalType.BRUTE_FORCE));
    assertThat(attempts.get(4).has(SignalType.BRUTE_FORCE)).isTrue();
    assertThat(attempts.get(5).decision()).isNotEqualTo(Decision.ALLOW);
  }

  @Test
  void bruteForceFromElsewhereDoesNotLockTheUserOutOfTheirKnownDevice() {
    history(login("bob").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(10));
    Instant start = Instant.parse("2026-10-12T07:00:00Z");
    for (int i = 0; i < 10; i++) {
      engine.assess(login("bob").from(SAO_PAULO).host(66).failed(FailureReason.BAD_PASSWORD)
          .at(start.plus(Duration.ofMinutes(i))).event());
    }

    Assessment realBob = engine.assess(login("bob").from(BERLIN).device("d-1").at("2026-10-12T07:12:00Z").event());

    assertThat(realBob.decision()).isEqualTo(Decision.ALLOW);
    assertThat(realBob.signalTypes()).doesNotContain(SignalType.BRUTE_FORCE);
  }

  @Test
  void sprayAcrossTenUsersFromOneNetworkIsFlagged() {
    Instant start = Instant.parse("2026-10-05T10:00:00Z");
    List<Assessment> attempts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      attempts.add(engine.assess(login("user" + i).from(SAO_PAULO).host(1 + i % 3)
          .failed(FailureReason.BAD_PASSWORD).at(start.plus(Duration.ofMinutes(3L * i))).event()));
    }

    assertThat(attempts.subList(0, 9)).noneMatch(a -> a.has(SignalType.PASSWORD_SPRAY));
    assertThat(attempts.subList(9, 12)).allMatch(a -> a.has(SignalType.PASSWORD_SPRAY));
    assertThat(attempts.get(11).decision()).isNotEqualTo(Decision.ALLOW);
  }

  @Test
  void sprayedPasswordThatWorksIsFlagged() {
    history(login("victim").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(3));
    Instant start = Instant.parse("2026-10-05T10:00:00Z");
    for (int i = 0; i < 10; i++) {
      engine.assess(login("user" + i).from(SAO_PAULO).host(4).failed(FailureReason.BAD_PASSWORD)
          .at(start.plus(Duration.ofMinutes(2L * i))).event());
    }

    Assessment hit = engine.assess(login("victim").from(SAO_PAULO).host(4).at("2026-10-05T10:25:00Z").event());

    assertThat(hit.signalTypes()).contains(SignalType.PASSWORD_SPRAY, SignalType.SUCCESS_AFTER_FAILURES);
    assertThat(hit.decision()).isEqualTo(Decision.DENY);
  }

  @Test
  void oneAddressTryingSeveralUnknownNamesIsStuffing() {
    Instant start = Instant.parse("2026-10-05T10:00:00Z");
    List<Assessment> attempts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      attempts.add(engine.assess(login("nobody" + i).from(CHICAGO).host(200)
          .failed(FailureReason.UNKNOWN_USER).at(start.plusSeconds(5L * i)).event()));
    }

    assertThat(attempts.get(1).has(SignalType.CREDENTIAL_STUFFING)).isFalse();
    assertThat(attempts.get(2).has(SignalType.CREDENTIAL_STUFFING)).isTrue();
    assertThat(engine.profileCount()).isZero();
  }

  @Test
  void aStuffingBotnetRotatingAddressesIsCaughtByTheTenantWideSurge() {
    // A quiet day of ordinary traffic sets the tenant's baseline.
    for (int u = 0; u < 40; u++) {
      history(login("user" + u).from(u % 2 == 0 ? BERLIN : CHICAGO).host(u).device("d-" + u)
          .at(Instant.parse("2026-10-01T06:00:00Z").plus(Duration.ofMinutes(20L * u))).daily(3));
    }
    // Then each attempt from a different address in a different network: no source repeats itself.
    Instant start = Instant.parse("2026-10-04T12:00:00Z");
    List<Assessment> attempts = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Logins.Place bot = new Logins.Place("US", "VA", "Ashburn", 39.04, -77.49, 14061, "DigitalOcean, LLC",
          "167.99." + i + ".");
      attempts.add(engine.assess(login(i % 3 == 0 ? "user" + i : "ghost" + i).from(bot).host(7)
          .failed(i % 3 == 0 ? FailureReason.BAD_PASSWORD : FailureReason.UNKNOWN_USER)
          .at(start.plusSeconds(20L * i)).event()));
    }

    assertThat(attempts.subList(0, 10)).noneMatch(a -> a.has(SignalType.CREDENTIAL_STUFFING));
    int first = attempts.stream().filter(a -> a.has(SignalType.CREDENTIAL_STUFFING)).findFirst()
        .map(attempts::indexOf).orElse(-1);
    assertThat(first).as("first attempt raising the surge").isBetween(14, 19);
    assertThat(attempts.getLast().has(SignalType.CREDENTIAL_STUFFING)).isTrue();
  }

  /**
   * Forty users' quiet days set the tenant's baseline; then, from {@code start}, a botnet on DigitalOcean (AS14061)
   * makes 30 attempts in 10 minutes, each from another /24, two thirds of them with unknown user names.
   */
  private void quietDaysThenAStuffingSurge(Instant start) {
    for (int u = 0; u < 40; u++) {
      history(login("user" + u).from(u % 2 == 0 ? BERLIN : CHICAGO).host(u).device("d-" + u)
          .at(Instant.parse("2026-10-01T06:00:00Z").plus(Duration.ofMinutes(20L * u))).daily(3));
    }
    for (int i = 0; i < 30; i++) {
      engine.assess(login(i % 3 == 0 ? "user" + i : "ghost" + i).from(digitalOcean(i)).host(7)
          .failed(i % 3 == 0 ? FailureReason.BAD_PASSWORD : FailureReason.UNKNOWN_USER)
          .at(start.plusSeconds(20L * i)).event());
    }
  }

  private static Logins.Place digitalOcean(int network) {
    return new Logins.Place("US", "VA", "Ashburn", 39.04, -77.49, 14061, "DigitalOcean, LLC",
        "167.99." + network + ".");
  }

  @Test
  void aSuccessDuringASurgeIsTheCampaignsOnlyFromTheCampaignsProvider() {
    history(login("vera").from(BERLIN).device("d-vera").at("2026-10-01T09:00:00Z").daily(3));
    history(login("walt").from(BERLIN).device("d-walt").at("2026-10-01T09:30:00Z").daily(3));
    Instant start = Instant.parse("2026-10-04T12:00:00Z");
    quietDaysThenAStuffingSurge(start);

    // A VPN the user has never used, but not one the botnet uses: a challenge, not a denial.
    Assessment newVpn = engine.assess(login("vera").from(SAO_PAULO_VPN).host(10).device("d-vera")
        .at(start.plusSeconds(590)).event());
    // A hit from the botnet's own provider.
    Assessment hit = engine.assess(login("walt").from(digitalOcean(200)).host(8).device("d-bot")
        .at(start.plusSeconds(595)).event());

    assertThat(newVpn.signals()).filteredOn(s -> s.type() == SignalType.CREDENTIAL_STUFFING).singleElement()
        .satisfies(s -> assertThat(s.severity()).isEqualTo(Severity.MEDIUM));
    assertThat(newVpn.decision()).isNotEqualTo(Decision.DENY);
    assertThat(hit.signals()).filteredOn(s -> s.type() == SignalType.CREDENTIAL_STUFFING).singleElement()
        .satisfies(s -> assertThat(s.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void aVpnUsersOwnLoginDuringASurgeFromTheirProviderIsNotTheCampaign() {
    history(login("vera").from(SAO_PAULO_VPN).host(9).device("d-vera").at("2026-10-01T09:00:00Z").daily(3));
    Instant start = Instant.parse("2026-10-04T12:00:00Z");
    quietDaysThenAStuffingSurge(start);
    Assessment surgeStillOn = engine.assess(login("ghost-probe").from(CHICAGO).host(99)
        .failed(FailureReason.UNKNOWN_USER).at(start.plusSeconds(605)).event());

    Assessment vera = engine.assess(login("vera").from(SAO_PAULO_VPN).host(10).device("d-vera")
        .at(start.plusSeconds(610)).event());

    assertThat(surgeStillOn.has(SignalType.CREDENTIAL_STUFFING)).as("the surge is on").isTrue();
    assertThat(vera.signalTypes()).doesNotContain(SignalType.CREDENTIAL_STUFFING);
    assertThat(vera.decision()).isEqualTo(Decision.ALLOW);
  }

  @Test
  void aProviderWideSprayIsLowForAUserWhoAlwaysComesThroughThatProvider() {
    history(login("vera").from(SAO_PAULO_VPN).host(9).device("d-vera").at("2026-10-01T09:00:00Z").daily(5));
    history(login("walt").from(BERLIN).device("d-walt").at("2026-10-01T09:30:00Z").daily(5));
    Instant start = Instant.parse("2026-10-08T10:00:00Z");
    for (int i = 0; i < 12; i++) {
      // One VPN provider, a different exit network for every try: only the AS-wide count sees the spray.
      Logins.Place exit = new Logins.Place("BR", "SP", "Sao Paulo", -23.55, -46.63, 9009, "M247 Europe SRL",
          "185.153." + (100 + i) + ".");
      engine.assess(login("sprayed" + i).from(exit).host(5).failed(FailureReason.BAD_PASSWORD)
          .at(start.plus(Duration.ofMinutes(3L * i))).event());
    }
    Logins.Place anotherExit = new Logins.Place("BR", "SP", "Sao Paulo", -23.55, -46.63, 9009, "M247 Europe SRL",
        "185.153.200.");

    Assessment vera = engine.assess(login("vera").from(anotherExit).host(3).device("d-vera")
        .at("2026-10-08T10:40:00Z").event());
    Assessment walt = engine.assess(login("walt").from(anotherExit).host(4).device("d-evil")
        .at("2026-10-08T10:41:00Z").event());

    assertThat(vera.signals()).filteredOn(s -> s.type() == SignalType.PASSWORD_SPRAY)
        .singleElement().satisfies(s -> assertThat(s.severity()).isEqualTo(Severity.LOW));
    assertThat(walt.signals()).filteredOn(s -> s.type() == SignalType.PASSWORD_SPRAY)
        .singleElement().satisfies(s -> assertThat(s.severity()).isEqualTo(Severity.HIGH));
  }

  /** {@code failures} wrong passwords a minute apart from {@code start}, then the success a minute later. */
  private Assessment failuresThenSuccess(String user, Logins.Place place, String device, int failures, Instant start) {
    for (int i = 0; i < failures; i++) {
      engine.assess(login(user).from(place).device(device).failed(FailureReason.BAD_PASSWORD)
          .at(start.plus(Duration.ofMinutes(i))).event());
    }
    return engine.assess(login(user).from(place).device(device).at(start.plus(Duration.ofMinutes(failures + 1)))
        .event());
  }

  @Test
  void forgottenPasswordThenSuccessAtHomeIsOnlyALowSignal() {
    history(login("carol").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(10));

    Assessment remembered = failuresThenSuccess("carol", BERLIN, "d-1", 4, Instant.parse("2026-10-12T08:00:00Z"));

    assertThat(remembered.signals()).filteredOn(s -> s.type() == SignalType.SUCCESS_AFTER_FAILURES)
        .singleElement().satisfies(s -> assertThat(s.severity()).isEqualTo(dev.vigil.core.signal.Severity.LOW));
    assertThat(remembered.decision()).isEqualTo(Decision.ALLOW);
  }

  @Test
  void twoWrongGuessesThenSuccessFromAStrangersNetworkAndDeviceIsFlagged() {
    history(login("dora").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(10));

    Assessment guessed = failuresThenSuccess("dora", FRANKFURT_CLOUD, "d-evil", 2,
        Instant.parse("2026-10-12T08:00:00Z"));

    assertThat(guessed.signals()).filteredOn(s -> s.type() == SignalType.SUCCESS_AFTER_FAILURES)
        .singleElement().satisfies(s -> assertThat(s.severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void twoTyposThenSuccessOnTheUsersOwnDeviceElsewhereRaiseNothing() {
    history(login("emil").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(10));

    Assessment typed = failuresThenSuccess("emil", CHICAGO, "d-1", 2, Instant.parse("2026-10-12T08:00:00Z"));

    assertThat(typed.signalTypes()).doesNotContain(SignalType.SUCCESS_AFTER_FAILURES);
  }

  @Test
  void aCountrySeenOnlyInAnUnconfirmedChallengeIsExplainedAsNotYetFamiliar() {
    history(login("fay").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(10));

    Assessment first = engine.assess(login("fay").from(CHICAGO).device("d-2").at("2026-10-12T15:00:00Z").event());
    Assessment second = engine.assess(login("fay").from(CHICAGO).device("d-2").at("2026-10-13T15:00:00Z").event());

    assertThat(first.decision()).as("abroad on a new laptop: challenged, never confirmed")
        .isEqualTo(Decision.CHALLENGE);
    assertThat(first.signals()).filteredOn(s -> s.type() == SignalType.NEW_COUNTRY).singleElement()
        .satisfies(s -> assertThat(s.detail()).isEqualTo("first login from US; usual DE"));
    assertThat(second.signals()).filteredOn(s -> s.type() == SignalType.NEW_COUNTRY).singleElement()
        .satisfies(s -> assertThat(s.detail()).startsWith("login from US, not yet familiar").endsWith("usual DE"));
  }

  @Test
  void nightOwlsTwoAmLoginIsNotUnusualForThem() {
    // 01:00 UTC is 02:00 solar time in Berlin.
    history(login("owl").from(BERLIN).device("d-1").at("2026-10-01T01:00:00Z").daily(20));

    Assessment usual = engine.assess(login("owl").from(BERLIN).device("d-1").at("2026-10-21T01:20:00Z").event());

    assertThat(usual.signalTypes()).doesNotContain(SignalType.UNUSUAL_HOUR);
  }

  @Test
  void dayWorkersTwoAmLoginIsUnusual() {
    history(login("lark").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(20));

    Assessment night = engine.assess(login("lark").from(BERLIN).device("d-1").at("2026-10-21T01:20:00Z").event());

    assertThat(night.signalTypes()).contains(SignalType.UNUSUAL_HOUR);
  }

  @Test
  void theIsolationForestWhenSwitchedOnExplainsWhatItFinds() {
    TenantSettings withForest = TenantSettings.defaults().withScoring(TenantSettings.defaults().scoring().withForest(true));
    VigilEngine forested = VigilEngine.builder()
        .settings(EngineSettings.defaults().withTenantDefaults(withForest)).build();
    // 40 users × 20 days of ordinary variety (home and office, two devices, hours that wander): 800 allowed
    // successes train the tenant's forest. A forest can only isolate along features that vary in training.
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    List<LoginEvent> month = new ArrayList<>();
    for (int u = 0; u < 40; u++) {
      for (int d = 0; d < 20; d++) {
        boolean office = random.nextInt(3) == 0;
        month.add(login("user" + u).from(office ? HAMBURG : BERLIN).host(office ? 200 : u)
            .device(random.nextInt(4) == 0 ? "p-" + u : "d-" + u)
            .at(Instant.parse("2026-10-01T07:00:00Z").plus(Duration.ofDays(d))
                .plus(Duration.ofMinutes(random.nextInt(240)))).event());
      }
    }
    month.sort(java.util.Comparator.comparing(LoginEvent::timestamp));
    month.forEach(forested::assess);

    Assessment odd = forested.assess(login("user3").from(SAO_PAULO).device("d-x").userAgent(Logins.FIREFOX_LINUX)
        .at("2026-10-21T03:00:00Z").event());
    Assessment usual = forested.assess(login("user4").from(BERLIN).host(4).device("d-4")
        .at("2026-10-21T08:28:00Z").event());

    assertThat(odd.signals()).anySatisfy(s -> {
      assertThat(s.type()).isEqualTo(SignalType.ANOMALY);
      assertThat(s.detail()).startsWith("isolation forest");
    });
    assertThat(usual.signals()).noneMatch(s -> s.detail().startsWith("isolation forest"));
  }

  @Test
  void aDetectorThatThrowsNeverFailsTheAssessment() {
    List<Detector> detectors = new ArrayList<>(Detectors.builtIn());
    detectors.add((context, found) -> {
      throw new IllegalStateException("broken rule");
    });
    VigilEngine fragile = VigilEngine.builder().detectors(detectors).build();

    Assessment assessment = fragile.assess(login("dave").event());

    assertThat(assessment.decision()).isEqualTo(Decision.ALLOW);
    assertThat(fragile.detectorFailures()).isEqualTo(1);
  }

  @Test
  void aConfirmedChallengeTeachesTheProfileAsAnAllowedLoginWould() {
    history(login("pia").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(20));
    Assessment abroad = engine.assess(login("pia").from(SAO_PAULO).device("d-1").eventId("trip-1")
        .at("2026-10-25T12:00:00Z").event());
    assertThat(abroad.decision()).isEqualTo(Decision.CHALLENGE);

    assertThat(engine.confirm("acme", "trip-1")).isTrue();
    assertThat(engine.confirm("acme", "trip-1")).as("a second confirmation changes nothing").isFalse();
    assertThat(engine.confirm("acme", "never-seen")).isFalse();

    Assessment nextDay = engine.assess(login("pia").from(SAO_PAULO).device("d-1").at("2026-10-26T12:00:00Z").event());
    assertThat(nextDay.signalTypes()).doesNotContain(SignalType.NEW_COUNTRY, SignalType.NEW_NETWORK);
    assertThat(nextDay.decision()).isEqualTo(Decision.ALLOW);
  }

  @Test
  void aConfirmedDenialTeachesTheProfileInFull() {
    history(login("rosa").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(20));
    TenantSettings usual = engine.settings().forTenant("acme");
    PolicySettings policy = usual.policy();
    // An operator's rule that denies any new country outright: the denial an analyst later finds was the user.
    engine.updateTenant("acme", usual.withPolicy(new PolicySettings(policy.mode(), policy.challengeAt(),
        policy.denyAt(), policy.incidentAt(), java.util.EnumSet.of(SignalType.NEW_COUNTRY), policy.challengeOn())));
    Assessment abroad = engine.assess(login("rosa").from(SAO_PAULO).device("d-1").eventId("trip-2")
        .at("2026-10-25T12:00:00Z").event());
    assertThat(abroad.decision()).isEqualTo(Decision.DENY);

    assertThat(engine.confirm("acme", "trip-2")).as("an analyst's false-positive verdict on a denial").isTrue();

    engine.updateTenant("acme", usual);
    Assessment nextDay = engine.assess(login("rosa").from(SAO_PAULO).device("d-1").at("2026-10-26T12:00:00Z").event());
    assertThat(nextDay.signalTypes()).doesNotContain(SignalType.NEW_COUNTRY, SignalType.NEW_NETWORK);
  }

  @Test
  void anUnconfirmedChallengeKeepsThePlaceUnfamiliar() {
    history(login("quinn").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(20));
    engine.assess(login("quinn").from(SAO_PAULO).device("d-1").at("2026-10-25T12:00:00Z").event());

    Assessment nextDay = engine.assess(login("quinn").from(SAO_PAULO).device("d-1").at("2026-10-26T12:00:00Z").event());

    assertThat(nextDay.signalTypes()).contains(SignalType.NEW_COUNTRY);
  }

  @Test
  void theSameEventIdIsAssessedOnce() {
    LoginEvent event = login("erin").from(SAO_PAULO).eventId("dup-1").event();

    Assessment first = engine.assess(event);
    Assessment again = engine.assess(event);

    assertThat(again).isSameAs(first);
    assertThat(engine.profileSummary("acme", "erin").orElseThrow().successes()).isEqualTo(1);
  }

  @Test
  void tenantsNeverShareProfiles() {
    history(login("alice").tenant("acme").from(BERLIN).at("2026-10-01T08:00:00Z").daily(10));

    assertThat(engine.profileSummary("globex", "alice")).isEmpty();
    assertThat(engine.profileSummary("nobody-tenant", "alice")).isEmpty();
    Assessment otherTenant = engine.assess(login("alice").tenant("globex").from(SAO_PAULO).at("2026-10-12T08:00:00Z").event());
    assertThat(otherTenant.signalTypes()).doesNotContain(SignalType.NEW_COUNTRY);
  }

  @Test
  void aDeniedLoginTeachesTheProfileNothing() {
    history(login("frank").from(BERLIN).device("d-1").at("2026-10-01T08:00:00Z").daily(10));
    int before = engine.profileSummary("acme", "frank").orElseThrow().successes();

    Assessment hit = engine.assess(login("frank").from(SAO_PAULO).device("d-1").at("2026-10-10T08:30:00Z").event());

    assertThat(hit.decision()).isNotEqualTo(Decision.ALLOW);
    int after = engine.profileSummary("acme", "frank").orElseThrow().successes();
    assertThat(after).isEqualTo(hit.decision() == Decision.DENY ? before : before + 1);
    assertThat(engine.profileSummary("acme", "frank").orElseThrow().countries().getFirst()).isEqualTo("DE");
  }
}
