package dev.vigil.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Logins;
import dev.vigil.core.enrich.Enricher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class UserProfileTest {
  private final Enricher enricher = Enricher.defaults();

  private LoginFeatures features(Logins.Builder login) {
    return LoginFeatures.of(enricher.enrich(login.event()));
  }

  @Test
  void remembersTheLastTwentyAddressesAndForgetsTheOldest() {
    UserProfile profile = new UserProfile();
    for (int host = 1; host <= 25; host++) {
      profile.learn(features(Logins.login("a").host(host)), 1);
    }

    assertThat(profile.ipCount()).isEqualTo(UserProfile.IP_SLOTS);
    assertThat(profile.knowsIp(features(Logins.login("a").host(25)).ipKey())).isTrue();
    assertThat(profile.knowsIp(features(Logins.login("a").host(6)).ipKey())).isTrue();
    assertThat(profile.knowsIp(features(Logins.login("a").host(5)).ipKey())).isFalse();
  }

  @Test
  void aFullSectionEvictsItsLightestValue() {
    UserProfile profile = new UserProfile();
    String[] countries = {"DE", "FR", "IT", "ES", "PL", "NL"};
    for (int i = 0; i < countries.length; i++) {
      Logins.Place place = new Logins.Place(countries[i], null, "C" + i, 50, 10, 100 + i, "ISP " + i, "10.0." + i + ".");
      for (int n = 0; n <= i; n++) {
        profile.learn(features(Logins.login("a").from(place)), 1);
      }
    }
    Logins.Place brazil = new Logins.Place("BR", null, "Rio", -22.9, -43.2, 999, "ISP BR", "10.9.9.");
    profile.learn(features(Logins.login("a").from(brazil)), 1);

    assertThat(profile.weight(Feature.COUNTRY, LoginFeatures.countryKey("DE"))).isZero();
    assertThat(profile.weight(Feature.COUNTRY, LoginFeatures.countryKey("BR"))).isEqualTo(1f);
    assertThat(profile.weight(Feature.COUNTRY, LoginFeatures.countryKey("NL"))).isEqualTo(6f);
  }

  @Test
  void familiarityHalvesEveryHalfLife() {
    UserProfile profile = new UserProfile();
    profile.decayTo(100, 60);
    profile.learn(features(Logins.login("a")), 1);

    profile.decayTo(160, 60);

    assertThat(profile.weight(Feature.COUNTRY, LoginFeatures.countryKey("DE"))).isCloseTo(0.5f,
        org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void countsFailuresPerSourceInsideAWindow() {
    UserProfile profile = new UserProfile();
    for (int t = 0; t < 5; t++) {
      profile.recordFailure(1_000 + t * 60, 7);
    }
    profile.recordFailure(1_300, 9);

    assertThat(profile.failuresBetween(1_000, 1_300)).isEqualTo(6);
    assertThat(profile.failuresBetweenFrom(1_000, 1_300, 7)).isEqualTo(5);
    assertThat(profile.failuresBetweenFrom(1_100, 1_300, 7)).isEqualTo(3);
  }

  @Test
  void snapshotsRoundTripExactly() throws Exception {
    UserProfile profile = new UserProfile();
    profile.decayTo(10, 60);
    profile.learn(features(Logins.login("a").from(Logins.SAO_PAULO).device("d-1")), 1);
    profile.recordFailure(12_345, 3);
    profile.touch(12_400);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    profile.writeTo(new DataOutputStream(bytes));

    UserProfile restored = UserProfile.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

    assertThat(restored).isEqualTo(profile);
  }

  @Test
  void countryKeysNameTheirCountry() {
    assertThat(LoginFeatures.countryCode(LoginFeatures.countryKey("BR"))).isEqualTo("BR");
    assertThat(LoginFeatures.countryKey(null)).isZero();
  }

  @Test
  void localHourFollowsTheSun() {
    // 01:00 UTC at 13.4°E (Berlin) is 02:00 solar time; at 46.6°W (São Paulo) 22:00 the day before.
    assertThat(LoginFeatures.localHour(3600, 13.4f)).isEqualTo(2);
    assertThat(LoginFeatures.localHour(3600, -46.6f)).isEqualTo(22);
    assertThat(LoginFeatures.localHour(3600, Float.NaN)).isEqualTo(1);
  }
}
