package dev.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.Outcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each attack looks like its real counterpart, and each attacker model knows what the model says it knows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class AttackTest {
  private final Run run = Run.of(SimulationSettings.defaults().withUsers(2_000).withDays(21));
  private final Map<String, List<LoginEvent>> legitimate = run.legitimateByUser();
  // Hard runs are mostly targeted takeovers: enough victims to check that model on.
  private final Run hard = Run.of(SimulationSettings.defaults().withUsers(2_000).withDays(21)
      .withScenario(Scenario.HARD));
  private final Map<String, List<LoginEvent>> hardLegitimate = hard.legitimateByUser();

  @Test
  void everyAttackTypeAndModelAppearsEvenInASmallRun() {
    for (Scenario scenario : Scenario.values()) {
      Run small = Run.of(Run.small().withScenario(scenario));

      for (AttackType type : AttackType.values()) {
        assertThat(small.campaigns(type)).as(scenario + " " + type).isNotEmpty();
      }
      for (AttackerModel model : AttackerModel.values()) {
        assertThat(small.where(label -> label.attackerModel() == model)).as(scenario + " " + model).isNotEmpty();
      }
    }
  }

  @Test
  void credentialStuffingRotatesAddressesOverKnownAndUnknownNamesWithRareHits() {
    assertThat(run.campaigns(AttackType.CREDENTIAL_STUFFING).values()).isNotEmpty().allSatisfy(attempts -> {
      assertThat(attempts).hasSizeGreaterThanOrEqualTo(300);
      assertThat(attempts.stream().map(LoginEvent::ip).distinct().count()).isGreaterThanOrEqualTo(20);
      assertThat(attempts.stream().map(LoginEvent::tenantId).distinct()).hasSize(1);
      assertThat(share(attempts, event -> event.failureReason() == FailureReason.UNKNOWN_USER)).isBetween(0.4, 0.7);
      assertThat(share(attempts, event -> event.failureReason() == FailureReason.BAD_PASSWORD)).isBetween(0.25, 0.6);
      assertThat(share(attempts, LoginEvent::isSuccess)).isLessThan(0.03);
      assertThat(attempts).allSatisfy(event -> assertThat(event.deviceId()).isNull());
    });
  }

  @Test
  void unknownNamesInStuffingBelongToNoUser() {
    Set<String> users = legitimate.keySet();
    List<LoginEvent> unknown = run.eventsWhere(label -> label.attackType() == AttackType.CREDENTIAL_STUFFING)
        .stream().filter(event -> event.failureReason() == FailureReason.UNKNOWN_USER).toList();

    assertThat(unknown).isNotEmpty().noneSatisfy(event -> assertThat(users).contains(Run.key(event)));
  }

  @Test
  void passwordSprayTriesManyUsersAtMostTwiceEachFromAFewSourcesOverHours() {
    assertThat(run.campaigns(AttackType.PASSWORD_SPRAY).values()).isNotEmpty().allSatisfy(attempts -> {
      Map<String, Long> triesPerUser = attempts.stream()
          .collect(Collectors.groupingBy(LoginEvent::userId, Collectors.counting()));
      assertThat(triesPerUser).hasSizeGreaterThanOrEqualTo(20);
      assertThat(triesPerUser.values()).allSatisfy(tries -> assertThat(tries).isLessThanOrEqualTo(2));
      assertThat(attempts.stream().map(LoginEvent::ip).distinct().count()).isBetween(1L, 3L);
      assertThat(Duration.between(attempts.get(0).timestamp(), attempts.get(attempts.size() - 1).timestamp()))
          .isGreaterThan(Duration.ofHours(1));
    });
  }

  @Test
  void bruteForceHammersOneAccountFromOneAddress() {
    assertThat(run.campaigns(AttackType.BRUTE_FORCE).values()).isNotEmpty().allSatisfy(attempts -> {
      assertThat(attempts.stream().map(LoginEvent::userId).distinct()).hasSize(1);
      assertThat(attempts.stream().map(LoginEvent::ip).distinct()).hasSize(1);
      assertThat(attempts.stream().filter(event -> !event.isSuccess()).count()).isGreaterThanOrEqualTo(10);
    });
  }

  @Test
  void naiveAttackerComesFromAnotherCountry() {
    assertThat(takeovers(AttackerModel.NAIVE)).isNotEmpty().allSatisfy((victim, attempts) ->
        assertThat(attempts).allSatisfy(event ->
            assertThat(event.geo().country()).isNotEqualTo(homeCountry(victim))));
  }

  @Test
  void vipAttackerUsesTheVictimsCountryAnotherProviderAndTheMostCommonBrowser() {
    assertThat(takeovers(AttackerModel.VIP)).isNotEmpty().allSatisfy((victim, attempts) -> {
      String country = homeCountry(victim);
      assertThat(attempts).allSatisfy(event -> {
        assertThat(event.geo().country()).isEqualTo(country);
        assertThat(Places.residentialAsnsOf(country)).contains(event.geo().asn());
        assertThat(event.geo().asn()).isNotEqualTo(homeProvider(legitimate.get(victim)));
        assertThat(event.userAgent()).startsWith("Mozilla/5.0 (Windows NT 10.0; Win64; x64)")
            .contains("Chrome/").doesNotContain("Edg/");
      });
    });
  }

  @Test
  void targetedAttackerCopiesTheVictimsUserAgentCountryAndProviderButNotTheAddress() {
    assertThat(takeovers(hard, hardLegitimate, AttackerModel.TARGETED)).isNotEmpty().allSatisfy((victim, attempts) -> {
      List<LoginEvent> own = hardLegitimate.get(victim);
      Set<String> ownAgents = own.stream().map(LoginEvent::userAgent).collect(Collectors.toSet());
      assertThat(attempts).allSatisfy(event -> {
        assertThat(ownAgents).contains(event.userAgent());
        assertThat(event.geo().country()).isEqualTo(Places.mode(own, mine -> mine.geo().country()));
        assertThat(event.geo().asn()).isEqualTo(homeProvider(own));
        assertThat(own).noneSatisfy(mine -> assertThat(mine.ip()).isEqualTo(event.ip()));
      });
    });
  }

  @Test
  void takeoversMostlySucceed() {
    List<Label> takeovers = run.labels().stream()
        .filter(label -> label.attackType() == AttackType.ACCOUNT_TAKEOVER).toList();
    Set<String> campaigns = takeovers.stream().map(Label::campaignId).collect(Collectors.toSet());
    Set<String> successful = takeovers.stream().filter(label -> label.outcome() == Outcome.SUCCESS)
        .map(Label::campaignId).collect(Collectors.toSet());

    assertThat(successful.size()).isGreaterThanOrEqualTo(campaigns.size() / 2);
  }

  @Test
  void sessionHijackReplaysAFreshVictimSessionFromTheOtherSideOfTheWorld() {
    assertThat(run.campaigns(AttackType.SESSION_HIJACK).values()).isNotEmpty().allSatisfy(replays -> {
      LoginEvent first = replays.get(0);
      LoginEvent victimLogin = legitimate.get(Run.key(first)).stream()
          .filter(event -> first.sessionId() != null && first.sessionId().equals(event.sessionId()))
          .findFirst().orElseThrow();
      Duration gap = Duration.between(victimLogin.timestamp(), first.timestamp());
      double kmh = Places.distanceKm(victimLogin, first) / (gap.toSeconds() / 3600.0);
      assertThat(first.isSuccess()).isTrue();
      assertThat(gap).isPositive().isLessThan(Duration.ofHours(1));
      assertThat(kmh).isGreaterThan(1_000);
      assertThat(first.userAgent()).isEqualTo(victimLogin.userAgent());
    });
  }

  @Test
  void anonymizerLoginsComeFromVpnAndTorNetworks() {
    Set<Long> anonymizers = Places.asns(NetworkKind.ANONYMIZER);

    assertThat(run.eventsWhere(label -> label.attackType() == AttackType.ANONYMIZER_LOGIN)).isNotEmpty()
        .allSatisfy(event -> assertThat(anonymizers).contains(event.geo().asn()));
  }

  @Test
  void onlyTakeoversNameAnAttackerModel() {
    assertThat(run.labels()).allSatisfy(label ->
        assertThat(label.attackerModel() != null).isEqualTo(label.attackType() == AttackType.ACCOUNT_TAKEOVER));
  }

  /**
   * Victim key → that model's takeover events against the victim, for victims whose own history shows where
   * they live (some victims are dormant accounts with no logins of their own in the window).
   */
  private Map<String, List<LoginEvent>> takeovers(AttackerModel model) {
    return takeovers(run, legitimate, model);
  }

  private static Map<String, List<LoginEvent>> takeovers(Run run, Map<String, List<LoginEvent>> legitimate,
      AttackerModel model) {
    Set<Long> broadband = Places.asns(NetworkKind.RESIDENTIAL);
    Map<String, List<LoginEvent>> byVictim = new HashMap<>();
    for (int i : run.where(label -> label.attackerModel() == model)) {
      LoginEvent event = run.events().get(i);
      List<LoginEvent> own = legitimate.getOrDefault(Run.key(event), List.of());
      if (own.stream().filter(mine -> broadband.contains(mine.geo().asn())).count() >= 3) {
        byVictim.computeIfAbsent(Run.key(event), key -> new java.util.ArrayList<>()).add(event);
      }
    }
    return byVictim;
  }

  private String homeCountry(String victim) {
    return Places.mode(legitimate.get(victim), event -> event.geo().country());
  }

  /** The broadband provider the victim uses most. */
  private static long homeProvider(List<LoginEvent> own) {
    Set<Long> broadband = Places.asns(NetworkKind.RESIDENTIAL);
    List<LoginEvent> home = own.stream()
        .filter(event -> broadband.contains(event.geo().asn())).toList();
    return Places.mode(home, event -> event.geo().asn());
  }

  private static double share(List<LoginEvent> events, java.util.function.Predicate<LoginEvent> test) {
    return events.stream().filter(test).count() / (double) events.size();
  }
}
