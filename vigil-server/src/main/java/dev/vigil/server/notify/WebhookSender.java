package dev.vigil.server.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The tenant's generic webhook: every alert ({@code security.alert.created}), digest
 * ({@code security.alert.digest}) and report ({@code security.login.reported}) as a JSON envelope
 * {@code {"id","type","tenantId","createdAt","data"}}, signed ({@link WebhookSignature}); incident response's
 * security events ({@code security.login.blocked}, {@code security.login.rollback}) as their CloudEvents 1.0
 * envelope in structured mode ({@value #CLOUDEVENTS_JSON}), signed the same way. {@code Vigil-Delivery-Id} is
 * the same on every retry of one message, so receivers can drop repeats.
 */
final class WebhookSender implements Sender {
  static final String DELIVERY_ID = "Vigil-Delivery-Id";
  static final String EVENT_TYPE = "Vigil-Event-Type";
  /** CloudEvents' structured-mode media type: the body is the whole envelope. */
  static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

  private final NotifySettings settings;
  private final HttpPoster http;
  private final Clock clock;

  WebhookSender(NotifySettings settings, HttpPoster http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public Channel channel() {
    return Channel.WEBHOOK;
  }

  @Override
  public Delivery send(OutboxMessage message) {
    NotifySettings.Webhook webhook = settings.channelsFor(message.tenantId()).webhook();
    if (!webhook.configured()) {
      return new Delivery.Undeliverable("no webhook url and signing secret for the tenant");
    }
    if (message.notice() instanceof Notice.SecurityEventRaised event) {
      return post(webhook, message, event.type(), event.cloudEvent(), CLOUDEVENTS_JSON);
    }
    String type = switch (message.notice()) {
      case Notice.SecurityEventRaised e -> e.type();
      case Notice.AlertRaised a -> "security.alert.created";
      case Notice.Digest d -> "security.alert.digest";
      case Notice.LoginReported r -> "security.login.reported";
      case Notice.LoginCheck c -> null;
      case Notice.Page p -> null;
    };
    if (type == null) {
      return new Delivery.Undeliverable("the webhook does not carry " + message.notice().kind());
    }
    ObjectNode envelope = Outbox.JSON.createObjectNode()
        .put("id", "ntf_" + message.id())
        .put("type", type)
        .put("tenantId", message.tenantId())
        .put("createdAt", message.createdAt().toString());
    ObjectNode data = Outbox.JSON.valueToTree(message.notice());
    data.remove("kind");
    envelope.set("data", data);
    return post(webhook, message, type, envelope.toString(), "application/json");
  }

  private Delivery post(NotifySettings.Webhook webhook, OutboxMessage message, String type, String body,
      String contentType) {
    return http.post("webhook", Objects.requireNonNull(webhook.url()), body, Map.of(
        "Content-Type", contentType,
        WebhookSignature.HEADER, WebhookSignature.sign(Objects.requireNonNull(webhook.signingSecret()),
            clock.instant(), body),
        DELIVERY_ID, "ntf_" + message.id(),
        EVENT_TYPE, type));
  }
}
