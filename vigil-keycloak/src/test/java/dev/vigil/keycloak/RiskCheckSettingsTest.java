package dev.vigil.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RiskCheckSettingsTest {
  @Test
  void failsOpenAfterAShortTimeoutUnlessToldOtherwise() {
    RiskCheckSettings settings = RiskCheckSettings.fromConfig(Map.of("vigil.url", "http://vigil:8080",
        "vigil.api-key", "vgl_0123456789abcdef_secret"));

    assertThat(settings.failOpen()).isTrue();
    assertThat(settings.endpoint().timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(settings.endpoint().resolve("/api/v1/assess").toString()).isEqualTo("http://vigil:8080/api/v1/assess");
  }

  @Test
  void readsFailClosedAndTheTimeout() {
    RiskCheckSettings settings = RiskCheckSettings.read(Map.of("url", "https://vigil.example.com/",
        "api-key", "vgl_0123456789abcdef_secret", "fail-mode", "Closed", "timeout-ms", "300")::get);

    assertThat(settings.failOpen()).isFalse();
    assertThat(settings.endpoint().timeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(settings.endpoint().resolve("/api/v1/assess").toString())
        .isEqualTo("https://vigil.example.com/api/v1/assess");
  }

  @Test
  void isAbsentWithoutUrlOrKey() {
    assertThat(RiskCheckSettings.fromConfig(Map.of("vigil.url", "http://vigil:8080"))).isNull();
    assertThat(RiskCheckSettings.fromConfig(Map.of("vigil.api-key", "vgl_x_y"))).isNull();
  }

  @Test
  void namesTheKeyOfAMalformedValue() {
    assertThatThrownBy(() -> RiskCheckSettings.read(Map.of("url", "http://vigil", "api-key", "k",
        "fail-mode", "sometimes")::get)).hasMessageContaining("fail-mode must be open or closed");
    assertThatThrownBy(() -> RiskCheckSettings.read(Map.of("url", "http://vigil", "api-key", "k",
        "timeout-ms", "1s")::get)).hasMessageContaining("timeout-ms must be a number of milliseconds");
  }

  @Test
  void neverPrintsTheApiKey() {
    RiskCheckSettings settings = RiskCheckSettings.read(Map.of("url", "http://vigil", "api-key",
        "vgl_0123456789abcdef_topsecret")::get);

    assertThat(settings.toString()).doesNotContain("topsecret");
  }
}
