package dev.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class BackoffTest {
  private final Backoff backoff = new Backoff(5, Duration.ofSeconds(1), Duration.ofMinutes(15));

  @Test
  void delayAfter_belowThreshold_isZero() {
    assertThat(backoff.delayAfter(4)).isZero();
  }

  @Test
  void delayAfter_fromThreshold_startsAtInitialAndDoubles() {
    assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(16));
  }

  @Test
  void delayAfter_manyFailures_isCappedWithoutOverflow() {
    assertThat(backoff.delayAfter(15)).isEqualTo(Duration.ofMinutes(15));
    assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
  }
}
