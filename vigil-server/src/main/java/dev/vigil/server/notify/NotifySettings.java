package dev.vigil.server.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything under {@code vigil.notify}. Secrets (the Slack webhook URL, the webhook signing secret, the PagerDuty
 * routing key, the link-signing secret) come from configuration or the environment and are redacted by every
 * {@code toString()} here, so printing settings never leaks them. The SMTP server and its password are Spring
 * Mail's {@code spring.mail.*}.
 *
 * @param background whether this instance runs the dispatcher, digest and escalation loops (tests drive them by
 *     hand with {@code false})
 * @param dispatch how the outbox is delivered
 * @param breaker when a failing destination is left alone for a while
 * @param links the "was this you?" links
 * @param digest the digest of medium alerts
 * @param escalation paging of unacknowledged high and critical alerts
 * @param channels the channels of every tenant without its own
 * @param tenants per-tenant channels; a channel a tenant configures replaces the default one, the others stay
 * @param userEmails demo/test address book, {@code user-emails.<tenant>.<user>=address}, used until the login
 *     service provides users' addresses
 */
@Validated
@ConfigurationProperties("vigil.notify")
public record NotifySettings(
    @DefaultValue("true") boolean background,
    @DefaultValue @Valid Dispatch dispatch,
    @DefaultValue @Valid Breaker breaker,
    @DefaultValue @Valid Links links,
    @DefaultValue @Valid Digest digest,
    @DefaultValue @Valid Escalation escalation,
    @DefaultValue @Valid Channels channels,
    Map<String, Channels> tenants,
    Map<String, Map<String, String>> userEmails) {

  public NotifySettings {
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    userEmails = userEmails == null ? Map.of() : Map.copyOf(userEmails);
  }

  /** The tenant's channels: each one the tenant configures, else the default one. */
  public Channels channelsFor(String tenantId) {
    Channels own = tenants.get(tenantId);
    return own == null ? channels : own.over(channels);
  }

  /** Whether a tenant overrides {@code channel}; breakers are kept per destination, so per override. */
  String destinationOf(String tenantId, Channel channel) {
    Channels own = tenants.get(tenantId);
    boolean overridden = own != null && switch (channel) {
      case EMAIL -> own.email().configured();
      case SLACK -> own.slack().configured();
      case WEBHOOK -> own.webhook().configured();
      case PAGERDUTY -> own.pagerduty().configured();
      case KAFKA -> false;
    };
    return channel.column() + (overridden ? ":tenant:" + tenantId : ":default");
  }

  /**
   * @param pollInterval how long an idle dispatcher waits before looking again (a commit wakes it at once)
   * @param workers dispatcher loops per instance, each claiming its own batch
   * @param batchSize messages claimed per transaction, sent concurrently on virtual threads
   * @param sendTimeout longest a single send may take before it counts as failed
   * @param initialBackoff wait after the first failure; doubled per failure, with jitter
   * @param maxBackoff the longest wait between two attempts
   * @param maxAttempts attempts before a message becomes a dead letter
   * @param maxAge age after which an undelivered message becomes a dead letter whatever its attempts
   */
  public record Dispatch(
      @DefaultValue("PT0.2S") @NotNull Duration pollInterval,
      @DefaultValue("2") @Positive int workers,
      @DefaultValue("32") @Positive int batchSize,
      @DefaultValue("PT10S") @NotNull Duration sendTimeout,
      @DefaultValue("PT5S") @NotNull Duration initialBackoff,
      @DefaultValue("PT15M") @NotNull Duration maxBackoff,
      @DefaultValue("12") @Positive int maxAttempts,
      @DefaultValue("P1D") @NotNull Duration maxAge) {}

  /**
   * @param failureThreshold consecutive failures that open a destination's breaker
   * @param openFor how long an open breaker refuses sends before one trial is let through
   */
  public record Breaker(
      @DefaultValue("5") @Positive int failureThreshold,
      @DefaultValue("PT30S") @NotNull Duration openFor) {}

  /**
   * @param baseUrl where users reach this server ({@code https://vigil.example.com}); links are built under it
   * @param secret HMAC-SHA-256 key of the links, at least 32 characters; absent: a random one per process, so
   *     links die with a restart and differ between instances (fine for a demo, not for production)
   * @param ttl how long a link works
   */
  public record Links(
      @DefaultValue("http://localhost:8080") @NotNull URI baseUrl,
      @Nullable String secret,
      @DefaultValue("P7D") @NotNull Duration ttl) {
    @Override
    public String toString() {
      return "Links[baseUrl=" + baseUrl + ", secret=" + (secret == null ? "absent" : "redacted") + ", ttl=" + ttl
          + "]";
    }
  }

  /** @param interval how often medium alerts are sent as one digest per tenant */
  public record Digest(@DefaultValue("PT1H") @NotNull Duration interval) {}

  /**
   * @param after how long a high or critical alert may stay unacknowledged before it pages
   * @param checkInterval how often overdue alerts are looked for
   * @param lookBack alerts older than this are not paged any more (a restart after a long outage must not page
   *     for last month)
   */
  public record Escalation(
      @DefaultValue("PT10M") @NotNull Duration after,
      @DefaultValue("PT30S") @NotNull Duration checkInterval,
      @DefaultValue("P1D") @NotNull Duration lookBack) {}

  /** One tenant's destinations; an unconfigured channel is not used. */
  public record Channels(
      @DefaultValue @Valid Email email,
      @DefaultValue @Valid Slack slack,
      @DefaultValue @Valid Webhook webhook,
      @DefaultValue @Valid PagerDuty pagerduty) {

    public Channels {
      email = email == null ? new Email(null, List.of()) : email;
      slack = slack == null ? new Slack(null) : slack;
      webhook = webhook == null ? new Webhook(null, null) : webhook;
      pagerduty = pagerduty == null ? new PagerDuty(URI.create(PagerDuty.EVENTS_API), null) : pagerduty;
    }

    Channels over(Channels fallback) {
      return new Channels(email.configured() ? email : fallback.email,
          slack.configured() ? slack : fallback.slack,
          webhook.configured() ? webhook : fallback.webhook,
          pagerduty.configured() ? pagerduty : fallback.pagerduty);
    }
  }

  /**
   * @param from the sender address; required to send any mail
   * @param securityTeam addresses that get high alerts and digests
   */
  public record Email(@Nullable String from, List<String> securityTeam) {
    public Email {
      securityTeam = securityTeam == null ? List.of() : List.copyOf(securityTeam);
    }

    boolean configured() {
      return from != null && !from.isBlank();
    }
  }

  /** @param webhookUrl the incoming-webhook URL; it is itself the secret */
  public record Slack(@Nullable URI webhookUrl) {
    boolean configured() {
      return webhookUrl != null;
    }

    @Override
    public String toString() {
      return "Slack[webhookUrl=" + (webhookUrl == null ? "absent" : "redacted") + "]";
    }
  }

  /**
   * @param url where events are POSTed
   * @param signingSecret key of the {@code Vigil-Signature} HMAC; required with a url
   */
  public record Webhook(@Nullable URI url, @Nullable String signingSecret) {
    boolean configured() {
      return url != null && signingSecret != null && !signingSecret.isBlank();
    }

    @Override
    public String toString() {
      return "Webhook[url=" + url + ", signingSecret=" + (signingSecret == null ? "absent" : "redacted") + "]";
    }
  }

  /**
   * @param eventsUrl the Events API v2 endpoint
   * @param routingKey the integration's routing key (secret)
   */
  public record PagerDuty(@DefaultValue(EVENTS_API) URI eventsUrl, @Nullable String routingKey) {
    static final String EVENTS_API = "https://events.pagerduty.com/v2/enqueue";

    public PagerDuty {
      eventsUrl = eventsUrl == null ? URI.create(EVENTS_API) : eventsUrl;
    }

    boolean configured() {
      return routingKey != null && !routingKey.isBlank();
    }

    @Override
    public String toString() {
      return "PagerDuty[eventsUrl=" + eventsUrl + ", routingKey=" + (routingKey == null ? "absent" : "redacted")
          + "]";
    }
  }

  /** The demo/test address of a user, if configured. */
  public Optional<String> configuredEmailOf(String tenantId, String userId) {
    return Optional.ofNullable(userEmails.getOrDefault(tenantId, Map.of()).get(userId));
  }

  @Override
  public String toString() {
    return "NotifySettings[background=" + background + ", dispatch=" + dispatch + ", breaker=" + breaker
        + ", links=" + links + ", digest=" + digest + ", escalation=" + escalation + ", channels=" + channels
        + ", tenants=" + tenants + ", userEmails=" + userEmails.size() + " tenants]";
  }
}
