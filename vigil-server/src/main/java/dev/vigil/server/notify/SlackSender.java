package dev.vigil.server.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The security team's Slack channel through an incoming webhook, as Block Kit (a header, the facts as fields,
 * ids as context) with a plain {@code text} fallback for notifications. Slack answers 200 {@code ok}; anything
 * else is a failure.
 */
final class SlackSender implements Sender {
  private static final int MAX_DIGEST_LINES = 20;

  private final NotifySettings settings;
  private final HttpPoster http;

  SlackSender(NotifySettings settings, HttpPoster http) {
    this.settings = settings;
    this.http = http;
  }

  @Override
  public Channel channel() {
    return Channel.SLACK;
  }

  @Override
  public Delivery send(OutboxMessage message) {
    NotifySettings.Slack slack = settings.channelsFor(message.tenantId()).slack();
    if (!slack.configured()) {
      return new Delivery.Undeliverable("no Slack webhook for the tenant");
    }
    ObjectNode body = switch (message.notice()) {
      case Notice.AlertRaised a -> alert(":rotating_light: " + capitalised(a.alert().severity()) + "-risk login",
          a.alert());
      case Notice.LoginReported r -> reported(r);
      case Notice.Digest d -> digest(message.tenantId(), d.alerts());
      case Notice.LoginCheck c -> null;
      case Notice.Page p -> null;
      case Notice.SecurityEventRaised e -> null;
    };
    if (body == null) {
      return new Delivery.Undeliverable("Slack does not carry " + message.notice().kind());
    }
    return http.post("slack", Objects.requireNonNull(slack.webhookUrl()), body.toString(), Map.of());
  }

  static ObjectNode alert(String title, Notice.AlertSummary alert) {
    ObjectNode body = Outbox.JSON.createObjectNode();
    body.put("text", title + ": " + alert.type() + " for " + alert.userId() + " (tenant " + alert.tenantId() + ")");
    ArrayNode blocks = body.putArray("blocks");
    blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text", title);
    ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
    field(fields, "User", alert.userId());
    field(fields, "Tenant", alert.tenantId());
    field(fields, "Severity", alert.severity() + " (score " + alert.score() + ")");
    field(fields, "Decision", alert.decision());
    field(fields, "Signals", String.join(", ", alert.signalTypes()));
    field(fields, "When", alert.occurredAt());
    blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
        .put("text", escape(alert.message()));
    blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
        .put("text", "alert " + alert.alertId() + " · event " + escape(alert.eventId()));
    return body;
  }

  private static ObjectNode reported(Notice.LoginReported report) {
    String title = ":warning: A user reported a login as not theirs";
    ObjectNode body = Outbox.JSON.createObjectNode()
        .put("text", title + ": " + report.userId() + " (tenant " + report.tenantId() + ")");
    ArrayNode blocks = body.putArray("blocks");
    blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text", title);
    ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
    field(fields, "User", report.userId());
    field(fields, "Tenant", report.tenantId());
    field(fields, "Reported", report.reportedAt());
    field(fields, "Alert", Long.toString(report.alertId()));
    blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
        .put("text", "report " + report.reportId() + " · event " + escape(report.eventId()));
    return body;
  }

  private static ObjectNode digest(String tenantId, List<Notice.AlertSummary> alerts) {
    String title = alerts.size() + " medium-risk login" + (alerts.size() == 1 ? "" : "s") + " (tenant " + tenantId
        + ")";
    ObjectNode body = Outbox.JSON.createObjectNode().put("text", title);
    ArrayNode blocks = body.putArray("blocks");
    blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text", title);
    StringBuilder lines = new StringBuilder();
    alerts.stream().limit(MAX_DIGEST_LINES).forEach(a -> lines.append("• *").append(escape(a.userId()))
        .append("* ").append(escape(a.type())).append(" at ").append(a.occurredAt()).append('\n'));
    if (alerts.size() > MAX_DIGEST_LINES) {
      lines.append("… and ").append(alerts.size() - MAX_DIGEST_LINES).append(" more");
    }
    blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", lines.toString());
    return body;
  }

  private static void field(ArrayNode fields, String name, String value) {
    fields.addObject().put("type", "mrkdwn").put("text", "*" + name + "*\n" + escape(value));
  }

  /** Slack's mrkdwn treats these three as markup. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String capitalised(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
