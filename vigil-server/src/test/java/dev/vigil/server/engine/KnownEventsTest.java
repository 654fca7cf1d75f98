package dev.vigil.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The idempotency filter: never forgets a key, rarely claims one it never saw, survives a snapshot. */
final class KnownEventsTest {
  private final KnownEvents known = new KnownEvents(100_000);

  @Test
  void recognisesEveryKeyItWasGiven() {
    IntStream.range(0, 100_000).forEach(i -> known.add("acme", "e-" + i));

    assertThat(IntStream.range(0, 100_000).allMatch(i -> known.mightContain("acme", "e-" + i))).isTrue();
  }

  @Test
  void claimsAboutOnePercentOfUnseenKeysWhenFull() {
    IntStream.range(0, 100_000).forEach(i -> known.add("acme", "e-" + i));

    long falsePositives = IntStream.range(0, 100_000).filter(i -> known.mightContain("acme", "other-" + i)).count();

    assertThat(falsePositives).isLessThan(2_000);
  }

  @Test
  void tellsTenantsApart() {
    known.add("acme", "e-1");

    assertThat(known.mightContain("globex", "e-1")).isFalse();
  }

  @Test
  void restoresWhatItSavedAndRefusesBitsOfAnotherSize() {
    known.add("acme", "e-1");
    KnownEvents restored = new KnownEvents(100_000);

    assertThat(restored.load(known.toBytes())).isTrue();
    assertThat(restored.mightContain("acme", "e-1")).isTrue();
    assertThat(new KnownEvents(10).load(known.toBytes())).isFalse();
  }
}
