package dev.vigil.server.auth;

import dev.vigil.core.VigilEngine;
import dev.vigil.server.engine.EngineBlueprint;
import dev.vigil.core.enrich.Enricher;
import dev.vigil.core.enrich.NetworkClassifier;
import dev.vigil.core.enrich.UserAgentParser;
import dev.vigil.core.event.Geo;
import dev.vigil.core.signal.Detector;
import dev.vigil.core.signal.Detectors;
import dev.vigil.core.signal.Severity;
import dev.vigil.core.signal.SignalType;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real engine with the built-in detectors plus three test-only parts, so that tests can steer a login's
 * decision by its address (documentation ranges, RFC 5737):
 * <ul>
 *   <li>a detector that always throws — the engine must skip it and login must not notice;</li>
 *   <li>a scripted detector: {@value #ALERTING_NETWORK}x raises a MEDIUM anonymizer signal (allowed, with an
 *       alert), {@value #CHALLENGED_NETWORK}x impossible travel (challenged), {@value #DENIED_NETWORK}x a
 *       blocklist hit (denied);</li>
 *   <li>a geo lookup that fails for {@value #BROKEN_ADDRESS}, which makes the whole pipeline throw.</li>
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScriptedEngine {
  public static final String ALERTING_NETWORK = "192.0.2.";
  public static final String CHALLENGED_NETWORK = "198.51.100.";
  public static final String DENIED_NETWORK = "203.0.113.";
  public static final String BROKEN_ADDRESS = "192.0.2.250";
  /** A weekday morning, so that no test login is at an unusual hour. */
  static final Instant START = Instant.parse("2026-11-02T10:00:00Z");

  @Bean
  @Primary
  EngineBlueprint scriptedEngine(UserAgentParser userAgents) {
    List<Detector> detectors = new ArrayList<>(Detectors.builtIn());
    detectors.add((context, found) -> {
      throw new IllegalStateException("a broken rule");
    });
    detectors.add((context, found) -> {
      String address = context.event().ip().canonical();
      if (address.startsWith(ALERTING_NETWORK)) {
        found.raise(SignalType.ANONYMIZER, Severity.MEDIUM, "scripted: anonymizer");
      } else if (address.startsWith(CHALLENGED_NETWORK)) {
        found.raise(SignalType.IMPOSSIBLE_TRAVEL, Severity.MEDIUM, "scripted: impossible travel");
      } else if (address.startsWith(DENIED_NETWORK)) {
        found.raise(SignalType.BLOCKLISTED_IP, Severity.HIGH, "scripted: blocklisted");
      }
    });
    return () -> VigilEngine.builder()
        .enricher(new Enricher(ip -> {
          if (ip.canonical().equals(BROKEN_ADDRESS)) {
            throw new UncheckedIOException(new java.io.IOException("geo database corrupt"));
          }
          return Geo.UNKNOWN;
        }, NetworkClassifier.builtIn(), userAgents))
        .detectors(detectors);
  }

  @Bean
  @Primary
  TestClock testClock() {
    return new TestClock(START);
  }
}
