package dev.vigil.server.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Delivery metrics, scraped at {@code /actuator/prometheus}:
 * {@code vigil_notify_deliveries_total{channel,outcome}} (outcome {@code delivered}, {@code failed}, {@code dead},
 * {@code skipped}), {@code vigil_notify_delivery_latency_seconds{channel}} (enqueue to accepted, with
 * percentiles), {@code vigil_notify_outbox_lag_seconds} (age of the oldest pending message, read from the
 * database at scrape time, so every instance reports the shared queue).
 */
@Component
final class NotifyMetrics {
  private final MeterRegistry registry;

  NotifyMetrics(MeterRegistry registry, Outbox outbox, Clock clock) {
    this.registry = registry;
    Gauge.builder("vigil.notify.outbox.lag", outbox, o -> o.lagSeconds(clock.instant()))
        .baseUnit("seconds")
        .description("age of the oldest undelivered notification")
        .register(registry);
  }

  void outcome(Channel channel, String outcome) {
    Counter.builder("vigil.notify.deliveries")
        .description("notification sends by channel and outcome")
        .tag("channel", channel.column())
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  void delivered(Channel channel, Duration sinceEnqueued) {
    outcome(channel, "delivered");
    Timer.builder("vigil.notify.delivery.latency")
        .description("from enqueue (the alert's commit) to the channel's acceptance")
        .tag("channel", channel.column())
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(sinceEnqueued.isNegative() ? Duration.ZERO : sinceEnqueued);
  }
}
