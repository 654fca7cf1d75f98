package dev.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.LoginEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Legitimate users do the things that make naive rules cry wolf. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class LegitimateBehaviourTest {
  private final Run run = Run.of(SimulationSettings.defaults().withUsers(1_000).withDays(30));
  private final Map<String, List<LoginEvent>> users = run.legitimateByUser();

  @Test
  void aboutOneUserInTwentyLogsInOverIpv6() {
    long ipv6Users = users.values().stream().filter(events -> events.stream().anyMatch(e -> !e.ip().v4())).count();

    assertThat(ipv6Users / (double) users.size()).isBetween(0.02, 0.10);
  }

  @Test
  void usersBelongToTenantsOfDifferentSizes() {
    Map<String, Long> perTenant = users.keySet().stream()
        .collect(Collectors.groupingBy(key -> key.substring(0, key.indexOf('/')), Collectors.counting()));

    assertThat(perTenant).hasSize(4);
    assertThat(perTenant.get("acme")).isGreaterThan(2 * perTenant.get("umbrella"));
  }

  @Test
  void loginFrequencyIsHeavyTailed() {
    List<Integer> counts = users.values().stream().map(List::size).sorted().toList();
    int median = counts.get(counts.size() / 2);
    int top = counts.get(counts.size() - 1);

    assertThat(top).isGreaterThan(10 * median);
    assertThat(counts.get(counts.size() / 10)).isLessThan(10); // many log in a few times a month
  }

  @Test
  void travellersCrossBordersAtAirlinerSpeed() {
    long plausibleTrips = 0;
    for (List<LoginEvent> events : users.values()) {
      List<LoginEvent> successes = events.stream().filter(LoginEvent::isSuccess).toList();
      for (int i = 1; i < successes.size(); i++) {
        LoginEvent before = successes.get(i - 1);
        LoginEvent after = successes.get(i);
        double km = Places.distanceKm(before, after);
        double hours = Duration.between(before.timestamp(), after.timestamp()).toSeconds() / 3600.0;
        if (km > 1_000 && !before.geo().country().equals(after.geo().country()) && km / hours < 1_000) {
          plausibleTrips++;
        }
      }
    }
    assertThat(plausibleTrips).isGreaterThanOrEqualTo(20);
  }

  @Test
  void nightOwlsLogInMostlyInTheSmallHours() {
    long nightOwls = users.values().stream()
        .filter(events -> events.size() >= 10)
        .filter(events -> events.stream().filter(e -> Places.localHour(e) < 5).count() > events.size() / 2)
        .count();

    assertThat(nightOwls).isGreaterThanOrEqualTo(5);
  }

  @Test
  void typosAreFollowedBySuccessWithinAMinute() {
    long recovered = 0;
    for (List<LoginEvent> events : users.values()) {
      for (int i = 1; i < events.size(); i++) {
        LoginEvent typo = events.get(i - 1);
        LoginEvent next = events.get(i);
        if (typo.failureReason() == FailureReason.BAD_PASSWORD && next.isSuccess()
            && next.ip().equals(typo.ip())
            && Duration.between(typo.timestamp(), next.timestamp()).compareTo(Duration.ofMinutes(1)) <= 0) {
          recovered++;
        }
      }
    }
    assertThat(recovered).isGreaterThanOrEqualTo(100);
  }

  @Test
  void forgottenPasswordsMakeBurstsOfFailures() {
    long bursts = users.values().stream().filter(events -> longestFailureRun(events) >= 4).count();

    assertThat(bursts).isGreaterThanOrEqualTo(5);
  }

  @Test
  void mfaFailuresAndMistypedNamesHappenToRealUsersToo() {
    List<LoginEvent> legitimate = run.eventsWhere(label -> !label.isAttack());

    assertThat(legitimate).anySatisfy(e -> assertThat(e.failureReason()).isEqualTo(FailureReason.MFA_FAILED));
    assertThat(legitimate).anySatisfy(e -> assertThat(e.failureReason()).isEqualTo(FailureReason.UNKNOWN_USER));
  }

  @Test
  void browsersUpgradeOnTheSameDevice() {
    Map<String, Set<String>> agentsPerDevice = run.eventsWhere(label -> !label.isAttack()).stream()
        .filter(e -> e.deviceId() != null)
        .collect(Collectors.groupingBy(LoginEvent::deviceId,
            Collectors.mapping(LoginEvent::userAgent, Collectors.toSet())));

    assertThat(agentsPerDevice.values().stream().filter(agents -> agents.size() >= 2).count())
        .isGreaterThan(agentsPerDevice.size() / 4);
  }

  @Test
  void someUsersBuyANewDevice() {
    long withNewDevice = users.values().stream()
        .filter(events -> {
          List<String> devices = events.stream().map(LoginEvent::deviceId).filter(d -> d != null).distinct().toList();
          return devices.size() > 3;
        })
        .count();

    assertThat(withNewDevice).isPositive();
  }

  @Test
  void homeAddressesChurnInsideTheProvidersBlock() {
    Set<Long> broadband = Places.asns(NetworkKind.RESIDENTIAL);
    long churned = users.values().stream()
        .map(events -> events.stream().filter(e -> e.ip().v4() && broadband.contains(e.geo().asn()))
            .collect(Collectors.groupingBy(e -> e.ip().low() >>> 16, Collectors.mapping(LoginEvent::ip,
                Collectors.toSet()))))
        .filter(blocks -> blocks.values().stream().anyMatch(ips -> ips.size() >= 2))
        .count();

    assertThat(churned).isGreaterThan(50);
  }

  @Test
  void realPeopleUsePhonesOfficesVpnsAndCloudProxies() {
    Set<Long> seen = run.eventsWhere(label -> !label.isAttack()).stream().map(e -> e.geo().asn())
        .collect(Collectors.toSet());

    assertThat(seen).containsAnyElementsOf(Places.asns(NetworkKind.MOBILE));
    assertThat(seen).containsAnyElementsOf(Places.asns(NetworkKind.CORPORATE));
    assertThat(seen).contains(62_044L); // Zscaler egress: looks like a data centre, is an office
    assertThat(seen).containsAnyElementsOf(Places.asns(NetworkKind.ANONYMIZER)); // consumer VPNs
    assertThat(seen).doesNotContainAnyElementsOf(Places.asns(NetworkKind.HOSTING));
  }

  private static int longestFailureRun(Collection<LoginEvent> events) {
    int longest = 0;
    int current = 0;
    for (LoginEvent event : events) {
      current = event.isSuccess() ? 0 : current + 1;
      longest = Math.max(longest, current);
    }
    return longest;
  }
}
