package dev.vigil.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The meters of DESIGN.md §3, registered once. Prometheus names: {@code risk_login_high_risk_total},
 * {@code risk_login_false_positive_total}, {@code risk_login_forced_logout_total},
 * {@code risk_login_rollback_total}, and {@code risk_login_response_latency_seconds} (a histogram: the time from a
 * login's arrival to the enforcement action it caused). Its p95 is computed where it aggregates across nodes:
 * {@code histogram_quantile(0.95, sum by (le) (rate(risk_login_response_latency_seconds_bucket[5m])))} —
 * client-side quantiles cannot be averaged across instances, and with a histogram Micrometer's Prometheus
 * registry exports buckets only.
 *
 * <p>No tenant tag: tenant ids are unbounded, and a label per tenant would grow the scrape without limit.
 */
@Component
public final class RiskLoginMetrics {
  private final Counter highRisk;
  private final Counter falsePositive;
  private final Counter forcedLogout;
  private final Counter rollback;
  private final Timer responseLatency;

  RiskLoginMetrics(MeterRegistry registry) {
    highRisk = Counter.builder("risk.login.high_risk")
        .description("logins that opened or joined an incident").register(registry);
    falsePositive = Counter.builder("risk.login.false_positive")
        .description("incidents an analyst marked false positive").register(registry);
    forcedLogout = Counter.builder("risk.login.forced_logout")
        .description("forced logouts carried out").register(registry);
    rollback = Counter.builder("risk.login.rollback")
        .description("incidents rolled back completely").register(registry);
    responseLatency = Timer.builder("risk.login.response.latency")
        .description("from a login's arrival to the enforcement action it caused")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(5))
        .register(registry);
  }

  public void highRisk() {
    highRisk.increment();
  }

  public void falsePositive() {
    falsePositive.increment();
  }

  public void forcedLogout() {
    forcedLogout.increment();
  }

  public void rollback() {
    rollback.increment();
  }

  public void responseLatency(Duration latency) {
    responseLatency.record(latency.isNegative() ? Duration.ZERO : latency);
  }
}
