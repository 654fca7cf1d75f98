package dev.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.LoginEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The hard scenario is harder on both sides: stealthier attackers, noisier users. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ScenarioTest {
  private static final SimulationSettings SIZE = SimulationSettings.defaults().withUsers(2_000).withDays(30);

  private final Run standard = Run.of(SIZE);
  private final Run hard = Run.of(SIZE.withScenario(Scenario.HARD));

  @Test
  void hardTakeoversAreMostlyTargeted() {
    assertThat(targetedShare(hard)).isGreaterThan(0.4).isGreaterThan(targetedShare(standard));
  }

  @Test
  void hardCampaignsHideOnResidentialNetworks() {
    assertThat(dataCentreShare(standard)).isGreaterThan(0.7);
    assertThat(dataCentreShare(hard)).isLessThan(0.5);
  }

  @Test
  void hardCampaignsRarelySendAToolsUserAgent() {
    assertThat(scriptedShare(hard)).isLessThan(scriptedShare(standard));
  }

  @Test
  void hardBruteForceIsLowAndSlow() {
    assertThat(meanGap(hard)).isGreaterThan(meanGap(standard).multipliedBy(10));
  }

  @Test
  void hardUsersTravelAndHideBehindVpnsMore() {
    assertThat(awayShare(hard)).isGreaterThan(awayShare(standard));
    assertThat(vpnShare(hard)).isGreaterThan(vpnShare(standard));
  }

  private static double targetedShare(Run run) {
    Map<String, List<LoginEvent>> campaigns = run.campaigns(AttackType.ACCOUNT_TAKEOVER);
    long targeted = run.labels().stream().filter(label -> label.attackerModel() == AttackerModel.TARGETED)
        .map(Label::campaignId).distinct().count();
    return targeted / (double) campaigns.size();
  }

  private static double dataCentreShare(Run run) {
    Set<Long> hosting = Places.asns(NetworkKind.HOSTING);
    hosting.addAll(Places.asns(NetworkKind.ANONYMIZER));
    List<LoginEvent> bulk = bulk(run);
    return bulk.stream().filter(event -> hosting.contains(event.geo().asn())).count() / (double) bulk.size();
  }

  private static double scriptedShare(Run run) {
    List<LoginEvent> bulk = bulk(run);
    return bulk.stream().filter(event -> !event.userAgent().startsWith("Mozilla/")).count() / (double) bulk.size();
  }

  private static List<LoginEvent> bulk(Run run) {
    return run.eventsWhere(label -> label.attackType() == AttackType.CREDENTIAL_STUFFING
        || label.attackType() == AttackType.PASSWORD_SPRAY || label.attackType() == AttackType.BRUTE_FORCE);
  }

  private static Duration meanGap(Run run) {
    long seconds = 0;
    long gaps = 0;
    for (List<LoginEvent> attempts : run.campaigns(AttackType.BRUTE_FORCE).values()) {
      seconds += Duration.between(attempts.get(0).timestamp(), attempts.get(attempts.size() - 1).timestamp())
          .toSeconds();
      gaps += attempts.size() - 1;
    }
    return Duration.ofSeconds(seconds / Math.max(1, gaps));
  }

  /** Share of legitimate events from outside the user's usual country. */
  private static double awayShare(Run run) {
    long away = 0;
    long all = 0;
    for (List<LoginEvent> events : run.legitimateByUser().values()) {
      String home = Places.mode(events, event -> event.geo().country());
      away += events.stream().filter(event -> !event.geo().country().equals(home)).count();
      all += events.size();
    }
    return away / (double) all;
  }

  private static double vpnShare(Run run) {
    Set<Long> tunnels = Places.asns(NetworkKind.ANONYMIZER);
    tunnels.addAll(Places.asns(NetworkKind.CORPORATE));
    List<LoginEvent> legitimate = run.eventsWhere(label -> !label.isAttack());
    return legitimate.stream().filter(event -> tunnels.contains(event.geo().asn())).count()
        / (double) legitimate.size();
  }
}
