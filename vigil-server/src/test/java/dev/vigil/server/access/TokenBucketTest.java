package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void allowsTheBurstAtOnceThenOneRequestPerRefill() {
    TokenBucket bucket = new TokenBucket(3, 1, Duration.ofSeconds(10), 0);

    assertThat(bucket.tryTake(0)).isZero();
    assertThat(bucket.tryTake(0)).isZero();
    assertThat(bucket.tryTake(0)).isZero();
    assertThat(bucket.tryTake(0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(bucket.tryTake(4 * SECOND)).isEqualTo(Duration.ofSeconds(6));
    assertThat(bucket.tryTake(10 * SECOND)).isZero();
    assertThat(bucket.tryTake(10 * SECOND)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void neverHoldsMoreThanItsBurstAfterALongPause() {
    TokenBucket bucket = new TokenBucket(2, 1, Duration.ofSeconds(1), 0);

    long later = 3600 * SECOND;
    assertThat(bucket.tryTake(later)).isZero();
    assertThat(bucket.tryTake(later)).isZero();
    assertThat(bucket.tryTake(later)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void asksForAtLeastOneSecondWhenRefillIsFast() {
    TokenBucket bucket = new TokenBucket(1, 1000, Duration.ofSeconds(1), 0);

    assertThat(bucket.tryTake(0)).isZero();
    assertThat(bucket.tryTake(0)).isEqualTo(Duration.ofSeconds(1));
  }
}
