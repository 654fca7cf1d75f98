package dev.vigil.server.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * PagerDuty Events API v2: {@code trigger} with a {@code dedup_key} per alert, {@code acknowledge} and
 * {@code resolve} with the same key. PagerDuty answers 202; anything else (429 included) is retried.
 */
final class PagerDutySender implements Sender {
  private final NotifySettings settings;
  private final HttpPoster http;

  PagerDutySender(NotifySettings settings, HttpPoster http) {
    this.settings = settings;
    this.http = http;
  }

  @Override
  public Channel channel() {
    return Channel.PAGERDUTY;
  }

  @Override
  public Delivery send(OutboxMessage message) {
    NotifySettings.PagerDuty pagerDuty = settings.channelsFor(message.tenantId()).pagerduty();
    if (!pagerDuty.configured()) {
      return new Delivery.Undeliverable("no PagerDuty routing key for the tenant");
    }
    if (!(message.notice() instanceof Notice.Page page)) {
      return new Delivery.Undeliverable("PagerDuty does not carry " + message.notice().kind());
    }
    ObjectNode event = Outbox.JSON.createObjectNode()
        .put("routing_key", Objects.requireNonNull(pagerDuty.routingKey()))
        .put("event_action", page.action())
        .put("dedup_key", page.dedupKey());
    if (page.action().equals("trigger")) {
      event.putObject("payload")
          .put("summary", page.summary())
          .put("source", "vigil/" + page.tenantId())
          .put("severity", page.severity())
          .put("timestamp", message.createdAt().toString())
          .put("component", "login")
          .put("class", "security_alert");
      event.put("client", "Vigil");
    }
    return http.post("pagerduty", pagerDuty.eventsUrl(), event.toString(), Map.of());
  }
}
