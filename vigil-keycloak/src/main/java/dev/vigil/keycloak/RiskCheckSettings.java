package dev.vigil.keycloak;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The settings of the provider, read from an authenticator config (keys {@code vigil.url}, …) or from Keycloak's
 * SPI configuration ({@code --spi-…--vigil--url}, …), whichever holds them.
 *
 * @param endpoint Vigil's address, key and timeout
 * @param failOpen what the risk check does when Vigil cannot answer in time: continue the login (true) or refuse it
 */
record RiskCheckSettings(VigilEndpoint endpoint, boolean failOpen) {
  static final String URL = "url";
  static final String API_KEY = "api-key";
  static final String TIMEOUT_MS = "timeout-ms";
  static final String FAIL_MODE = "fail-mode";
  static final String QUEUE_CAPACITY = "queue-capacity";
  static final long DEFAULT_TIMEOUT_MS = 1500;

  /**
   * Reads the settings through {@code lookup} (the bare key names above); null when no URL or API key is set.
   *
   * @throws IllegalArgumentException when a value is set but malformed, naming the key
   */
  static @Nullable RiskCheckSettings read(Function<String, @Nullable String> lookup) {
    String url = blankToNull(lookup.apply(URL));
    String apiKey = blankToNull(lookup.apply(API_KEY));
    if (url == null || apiKey == null) {
      return null;
    }
    long timeoutMs = DEFAULT_TIMEOUT_MS;
    String timeout = blankToNull(lookup.apply(TIMEOUT_MS));
    if (timeout != null) {
      try {
        timeoutMs = Long.parseLong(timeout.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(TIMEOUT_MS + " must be a number of milliseconds: " + timeout);
      }
    }
    String mode = blankToNull(lookup.apply(FAIL_MODE));
    boolean failOpen = true;
    if (mode != null) {
      failOpen = switch (mode.trim().toLowerCase(Locale.ROOT)) {
        case "open" -> true;
        case "closed" -> false;
        default -> throw new IllegalArgumentException(FAIL_MODE + " must be open or closed: " + mode);
      };
    }
    return new RiskCheckSettings(new VigilEndpoint(URI.create(url.trim()), apiKey.trim(),
        Duration.ofMillis(timeoutMs)), failOpen);
  }

  /** From an authenticator config's map, whose keys carry the {@code vigil.} prefix. */
  static @Nullable RiskCheckSettings fromConfig(Map<String, String> config) {
    return read(key -> config.get("vigil." + key));
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
