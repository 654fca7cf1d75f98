package dev.vigil.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Back-off, circuit breaking and per-tenant channels, without a database. */
final class DeliveryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @RepeatedTest(20)
  void waitsBetweenHalfAndAllOfAnExponentiallyGrowingCeiling() {
    Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15), new SplittableRandom());

    assertThat(backoff.after(1)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
    assertThat(backoff.after(3)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
    assertThat(backoff.after(30)).isBetween(Duration.ofMinutes(15).dividedBy(2), Duration.ofMinutes(15));
  }

  @Test
  void opensAfterConsecutiveFailuresThenLetsOneTrialThroughAfterTheOpenPeriod() {
    CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30));
    for (int i = 0; i < 3; i++) {
      assertThat(breaker.refusalUntil(NOW)).isEmpty();
      breaker.failed(NOW);
    }

    assertThat(breaker.refusalUntil(NOW.plusSeconds(10))).hasValue(NOW.plusSeconds(30));
    assertThat(breaker.refusalUntil(NOW.plusSeconds(31))).as("the trial").isEmpty();
    assertThat(breaker.refusalUntil(NOW.plusSeconds(31))).as("only one trial at a time").isPresent();
    breaker.succeeded();
    assertThat(breaker.refusalUntil(NOW.plusSeconds(32))).isEmpty();
  }

  @Test
  void aFailedTrialOpensTheBreakerAgain() {
    CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofSeconds(30));
    breaker.failed(NOW);
    assertThat(breaker.refusalUntil(NOW.plusSeconds(30))).isEmpty();

    breaker.failed(NOW.plusSeconds(30));

    assertThat(breaker.refusalUntil(NOW.plusSeconds(31))).hasValue(NOW.plusSeconds(60));
  }

  @Test
  void aTenantsOwnChannelReplacesTheDefaultAndKeepsItsOwnBreaker() {
    NotifySettings.Channels defaults = channels(URI.create("https://hooks.slack.com/services/default"), null);
    NotifySettings.Channels acme = channels(null, new NotifySettings.PagerDuty(null, "acme-key"));
    NotifySettings settings = settings(defaults, Map.of("acme", acme));

    assertThat(settings.channelsFor("acme").pagerduty().routingKey()).isEqualTo("acme-key");
    assertThat(settings.channelsFor("acme").slack()).isEqualTo(defaults.slack());
    assertThat(settings.channelsFor("other").pagerduty().configured()).isFalse();
    assertThat(settings.destinationOf("acme", Channel.PAGERDUTY)).isEqualTo("pagerduty:tenant:acme");
    assertThat(settings.destinationOf("acme", Channel.SLACK)).isEqualTo("slack:default");
  }

  @Test
  void printsSettingsWithoutTheirSecrets() {
    NotifySettings settings = settings(channels(URI.create("https://hooks.slack.com/services/T/B/sekret1"),
        new NotifySettings.PagerDuty(null, "sekret2")), Map.of());

    assertThat(settings.toString()).doesNotContain("sekret").contains("redacted");
  }

  @Test
  void theDefaultAddressBookReadsTheConfiguredMapping() {
    NotifySettings settings = new NotifySettings(true, null, null, null, null, null,
        channels(null, null), Map.of(), Map.of("acme", Map.of("alice", "alice@example.com")));
    ConfiguredRecipients recipients = new ConfiguredRecipients(settings);

    assertThat(recipients.emailOf("acme", "alice")).hasValue("alice@example.com");
    assertThat(recipients.emailOf("acme", "bob")).isEmpty();
    assertThat(recipients.emailOf("other", "alice")).isEmpty();
  }

  private static NotifySettings settings(NotifySettings.Channels defaults, Map<String, NotifySettings.Channels> tenants) {
    return new NotifySettings(true, null, null,
        new NotifySettings.Links(URI.create("http://localhost"), null, Duration.ofDays(7)), null, null, defaults,
        tenants, Map.of());
  }

  private static NotifySettings.Channels channels(URI slack, NotifySettings.PagerDuty pagerDuty) {
    return new NotifySettings.Channels(new NotifySettings.Email(null, List.of()), new NotifySettings.Slack(slack),
        null, pagerDuty);
  }
}
