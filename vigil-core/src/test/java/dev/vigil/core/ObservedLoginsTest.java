package dev.vigil.core;

import static dev.vigil.core.Logins.FRANKFURT_CLOUD;
import static dev.vigil.core.Logins.SAO_PAULO;
import static dev.vigil.core.Logins.login;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link VigilEngine#observe}: engines that split a tenant's users between them, each assessing its own users and
 * observing everyone else's logins, see the cross-user evidence (spray, stuffing) that one engine seeing all sees.
 */
final class ObservedLoginsTest {
  private static final Set<SignalType> CROSS_USER = EnumSet.of(SignalType.PASSWORD_SPRAY,
      SignalType.CREDENTIAL_STUFFING);

  @Test
  void engineObservingOtherUsersFailuresFlagsASprayExactlyAsOneEngineSeeingAll() {
    List<LoginEvent> spray = new ArrayList<>();
    Instant start = Instant.parse("2026-10-05T10:00:00Z");
    for (int i = 0; i < 12; i++) {
      spray.add(login("user" + i).from(SAO_PAULO).host(1 + i % 3).failed(FailureReason.BAD_PASSWORD)
          .eventId("spray-" + i).at(start.plus(Duration.ofMinutes(3L * i))).event());
    }
    VigilEngine one = VigilEngine.builder().build();
    List<Assessment> expected = spray.stream().map(one::assess).toList();

    List<Assessment> observing = partitioned(spray, 3, true);
    List<Assessment> blind = partitioned(spray, 3, false);

    assertThat(expected.subList(9, 12)).allMatch(a -> a.has(SignalType.PASSWORD_SPRAY));
    assertThat(observing).usingRecursiveFieldByFieldElementComparatorIgnoringFields("latencyMicros")
        .isEqualTo(expected);
    assertThat(blind).noneMatch(a -> a.has(SignalType.PASSWORD_SPRAY));
  }

  @Test
  void observedSuccessesCountInThePopulationThatAUsersNoveltyIsWeighedAgainst() {
    List<LoginEvent> others = new ArrayList<>();
    for (int u = 0; u < 20; u++) {
      others.addAll(login("colleague" + u).from(Logins.BERLIN).device("d-c" + u).at("2026-10-01T08:00:00Z").daily(10));
    }
    others.sort(Comparator.comparing(LoginEvent::timestamp));
    List<LoginEvent> bob = login("bob").from(SAO_PAULO).device("d-b").at("2026-10-01T09:00:00Z").daily(10);
    LoginEvent bobInBerlin = login("bob").from(Logins.BERLIN).device("d-b").at("2026-10-12T09:00:00Z").event();

    VigilEngine one = VigilEngine.builder().build();
    VigilEngine observing = VigilEngine.builder().build();
    VigilEngine blind = VigilEngine.builder().build();
    others.forEach(one::assess);
    others.forEach(observing::observe);
    for (LoginEvent event : bob) {
      one.assess(event);
      observing.assess(event);
      blind.assess(event);
    }

    Assessment expected = one.assess(bobInBerlin);
    assertThat(observing.assess(bobInBerlin)).usingRecursiveComparison().ignoringFields("latencyMicros")
        .isEqualTo(expected);
    assertThat(blind.assess(bobInBerlin).score()).as("without the others' successes Berlin is as rare as anywhere")
        .isNotEqualTo(expected.score());
  }

  @Test
  void observingUnknownUserNamesRaisesStuffingAndCreatesNoProfile() {
    VigilEngine engine = VigilEngine.builder().build();
    Instant start = Instant.parse("2026-10-05T10:00:00Z");
    for (int i = 0; i < 3; i++) {
      engine.observe(login("nobody" + i).from(FRANKFURT_CLOUD).host(7).failed(FailureReason.UNKNOWN_USER)
          .at(start.plus(Duration.ofMinutes(i))).event());
    }

    Assessment next = engine.assess(login("alice").from(FRANKFURT_CLOUD).host(7).failed(FailureReason.BAD_PASSWORD)
        .at(start.plus(Duration.ofMinutes(4))).event());

    assertThat(next.signalTypes()).contains(SignalType.CREDENTIAL_STUFFING);
    assertThat(engine.profileCount()).isEqualTo(1);
    assertThat(engine.profileSummary("acme", "nobody0")).isEmpty();
  }

  @Test
  void anObservedLoginIsNotRememberedAsAssessed() {
    VigilEngine engine = VigilEngine.builder().build();
    LoginEvent event = login("bob").from(SAO_PAULO).eventId("same").event();

    engine.observe(event);
    Assessment assessed = engine.assess(event);

    assertThat(engine.profileSummary("acme", "bob")).isPresent();
    assertThat(assessed.eventId()).isEqualTo("same");
  }

  /**
   * Random traffic of two tenants with their own spray and stuffing, users split over three engines: every event's
   * spray and stuffing evidence is the single engine's. (Scores may still differ where the tenant's population
   * statistics, learnt per engine from its own users' successes, move them.)
   */
  @Test
  void partitionedEnginesThatObserveEachOtherRaiseTheSameCrossUserSignalsOnEveryEvent() {
    List<LoginEvent> events = new ArrayList<>(RandomTraffic.of(41, 3_000, 60));
    Instant from = events.get(1_000).timestamp();
    for (int i = 0; i < 40; i++) {
      events.add(login("u" + (i % 60)).from(FRANKFURT_CLOUD).host(200 + i % 4)
          .failed(i % 3 == 0 ? FailureReason.UNKNOWN_USER : FailureReason.BAD_PASSWORD).eventId("campaign-" + i)
          .userAgent(Logins.PYTHON_REQUESTS).at(from.plus(Duration.ofSeconds(45L * i))).event());
    }
    events.sort(Comparator.comparing(LoginEvent::timestamp));
    VigilEngine one = VigilEngine.builder().build();
    List<Assessment> expected = events.stream().map(one::assess).toList();

    List<Assessment> observing = partitioned(events, 3, true);

    assertThat(expected).anyMatch(a -> a.has(SignalType.PASSWORD_SPRAY));
    assertThat(expected).anyMatch(a -> a.has(SignalType.CREDENTIAL_STUFFING));
    for (int i = 0; i < events.size(); i++) {
      Set<SignalType> want = EnumSet.noneOf(SignalType.class);
      want.addAll(expected.get(i).signalTypes());
      want.retainAll(CROSS_USER);
      Set<SignalType> got = EnumSet.noneOf(SignalType.class);
      got.addAll(observing.get(i).signalTypes());
      got.retainAll(CROSS_USER);
      assertThat(got).as("event %s", events.get(i).eventId()).isEqualTo(want);
    }
  }

  /** Each event assessed by the engine owning its user; with {@code observe}, the other engines observe it. */
  private static List<Assessment> partitioned(List<LoginEvent> events, int engines, boolean observe) {
    List<VigilEngine> parts = new ArrayList<>();
    for (int i = 0; i < engines; i++) {
      parts.add(VigilEngine.builder().build());
    }
    List<Assessment> out = new ArrayList<>();
    for (LoginEvent event : events) {
      int owner = Math.floorMod((event.tenantId() + "/" + event.userId()).hashCode(), engines);
      for (int i = 0; i < engines; i++) {
        if (i == owner) {
          out.add(parts.get(i).assess(event));
        } else if (observe) {
          parts.get(i).observe(event);
        }
      }
    }
    return out;
  }
}
