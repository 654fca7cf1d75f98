package dev.vigil.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.signal.SignalType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the topology's partitioning does to decisions when order is not in question: the equivalence data set
 * (simulator seed 11, 200 users, 7 days) split over six engines by {@link UserPartitions#owner}, each assessing its
 * own users and observing every other login, all in event-time order. Any difference left on the broker
 * ({@code StreamsOnBrokerTest}) is then the order in which a task receives the other partitions' logins. (Scores
 * may still differ a little: each task's population statistics learn from its own users only.)
 */
final class ObservedPartitionsTest {
  private static final int PARTITIONS = 6;

  @Test
  void sixEnginesObservingEachOtherDecideEveryEventLikeOneWhenFedInEventTimeOrder() {
    List<LoginEvent> events = SimulatedTraffic.events(11, 200, 7);
    VigilEngine one = VigilEngine.builder().build();
    List<VigilEngine> tasks = engines();
    List<VigilEngine> blind = engines();
    int blindDiffer = 0;
    for (LoginEvent event : events) {
      Assessment want = one.assess(event);
      int owner = UserPartitions.owner(VigilTopology.userKey(event), PARTITIONS);
      Assessment got = null;
      for (int task = 0; task < PARTITIONS; task++) {
        if (task == owner) {
          got = tasks.get(task).assess(event);
        } else {
          tasks.get(task).observe(event);
        }
      }
      assertThat(got.decision()).as("decision of %s", event.eventId()).isEqualTo(want.decision());
      for (SignalType crossUser : new SignalType[] {SignalType.PASSWORD_SPRAY, SignalType.CREDENTIAL_STUFFING}) {
        assertThat(got.has(crossUser)).as("%s on %s", crossUser, event.eventId()).isEqualTo(want.has(crossUser));
      }
      Decision withoutObserving = blind.get(owner).assess(event).decision();
      blindDiffer += withoutObserving == want.decision() ? 0 : 1;
    }
    assertThat(blindDiffer).as("decisions that differ when the tasks do not observe each other").isGreaterThan(100);
  }

  private static List<VigilEngine> engines() {
    List<VigilEngine> engines = new ArrayList<>();
    for (int i = 0; i < PARTITIONS; i++) {
      engines.add(VigilEngine.builder().build());
    }
    return engines;
  }
}
