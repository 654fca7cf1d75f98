package dev.vigil.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SourceIndexTest {
  @Test
  void neverTracksMoreThanItsBound() {
    SourceIndex index = new SourceIndex(100, 86_400);
    for (int i = 0; i < 10_000; i++) {
      index.activity(i, i).record(i, 1, true, false);
    }

    assertThat(index.size()).isEqualTo(100);
    assertThat(index.peek(9_999)).isNotNull();
  }

  @Test
  void evictsAStaleSourceBeforeABusyOne() {
    SourceIndex index = new SourceIndex(8, 86_400);
    for (int i = 0; i < 8; i++) {
      index.activity(i, 100).record(100, 1, true, false);
    }
    // Everyone but source 3 stays busy.
    for (int i = 0; i < 8; i++) {
      if (i != 3) {
        index.activity(i, 5_000).record(5_000, 1, true, false);
      }
    }

    index.activity(42, 5_001).record(5_001, 1, true, false);

    assertThat(index.peek(3)).isNull();
    for (int i = 0; i < 8; i++) {
      if (i != 3) {
        assertThat(index.peek(i)).as("source %d", i).isNotNull();
      }
    }
  }

  @Test
  void anIdleSourceStartsAfresh() {
    SourceIndex index = new SourceIndex(10, 3_600);
    index.activity(7, 1_000).record(1_000, 1, true, false);

    SourceActivity later = index.activity(7, 1_000 + 3_601);

    assertThat(later.window(0, Integer.MAX_VALUE).attempts()).isZero();
  }

  @Property(tries = 50)
  void findsEveryKeyItStillTracks(@ForAll long seed) {
    // A small bound forces many evictions, so backward-shift deletion is exercised on every cluster shape.
    SourceIndex index = new SourceIndex(64, Integer.MAX_VALUE);
    Map<Long, SourceActivity> handedOut = new HashMap<>();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 2_000; i++) {
      long key = random.nextInt(300);
      SourceActivity activity = index.activity(key, i);
      activity.record(i, 1, false, false);
      handedOut.put(key, activity);
    }
    int tracked = 0;
    for (Map.Entry<Long, SourceActivity> entry : handedOut.entrySet()) {
      SourceActivity found = index.peek(entry.getKey());
      if (found != null) {
        tracked++;
        assertThat(found).isSameAs(entry.getValue());
      }
    }
    assertThat(tracked).isEqualTo(index.size()).isLessThanOrEqualTo(64);
  }
}
