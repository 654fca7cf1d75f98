package dev.vigil.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GreatCircleTest {
  @Test
  void berlinToSaoPauloIsAboutTenThousandTwoHundredKilometres() {
    assertThat(GreatCircle.distanceKm(52.52, 13.40, -23.55, -46.63)).isBetween(10_200.0, 10_300.0);
  }

  @Test
  void aPointIsNowhereFromItselfAndAntipodesAreHalfTheWorldApart() {
    assertThat(GreatCircle.distanceKm(10, 20, 10, 20)).isZero();
    assertThat(GreatCircle.distanceKm(0, 0, 0, 180)).isBetween(20_015.0, 20_016.0);
  }
}
