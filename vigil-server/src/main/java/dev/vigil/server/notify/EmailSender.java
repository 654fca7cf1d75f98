package dev.vigil.server.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Mail over SMTP through Spring Mail ({@code spring.mail.*}), each message as plain text plus HTML. The user gets
 * "was this you?" with two signed links (the address from {@link RecipientDirectory}, at send time); the security
 * team ({@code email.security-team}) gets alerts, digests and reports. An SMTP error is a failure to retry, not a
 * log line: Spring's {@link MailException} surfaces every rejected transaction.
 */
final class EmailSender implements Sender {
  private final NotifySettings settings;
  private final ObjectProvider<JavaMailSender> mail;
  private final RecipientDirectory recipients;
  private final LoginCheckLinks links;
  private final MailTemplates templates;
  private final Clock clock;

  EmailSender(NotifySettings settings, ObjectProvider<JavaMailSender> mail, RecipientDirectory recipients,
      LoginCheckLinks links, MailTemplates templates, Clock clock) {
    this.settings = settings;
    this.mail = mail;
    this.recipients = recipients;
    this.links = links;
    this.templates = templates;
    this.clock = clock;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public Delivery send(OutboxMessage message) {
    NotifySettings.Email email = settings.channelsFor(message.tenantId()).email();
    JavaMailSender smtp = mail.getIfAvailable();
    if (smtp == null || !email.configured()) {
      return new Delivery.Undeliverable("no SMTP server (spring.mail.host) or sender address for the tenant");
    }
    Optional<Mail> mailOf = switch (message.notice()) {
      case Notice.LoginCheck c -> loginCheck(c.alert());
      case Notice.AlertRaised a -> toTeam(email, "[Vigil] " + a.alert().severity() + "-risk login: " + a.alert().type(),
          "alert", alertValues("A " + a.alert().severity() + "-risk login", a.alert()));
      case Notice.LoginReported r -> toTeam(email, "[Vigil] A user reported a login as not theirs", "reported",
          Map.of("userId", r.userId(), "tenantId", r.tenantId(), "reportedAt", r.reportedAt(),
              "alertId", Long.toString(r.alertId()), "eventId", r.eventId(), "reportId", Long.toString(r.reportId())));
      case Notice.Digest d -> toTeam(email, "[Vigil] " + d.alerts().size() + " medium-risk logins in "
          + message.tenantId(), "digest", digestValues(message.tenantId(), d.alerts()));
      case Notice.Page p -> Optional.empty();
      case Notice.SecurityEventRaised e -> Optional.empty();
    };
    if (mailOf.isEmpty()) {
      return message.notice() instanceof Notice.Page || message.notice() instanceof Notice.SecurityEventRaised
          ? new Delivery.Undeliverable("email does not carry " + message.notice().kind())
          : new Delivery.Skipped("no address to send to");
    }
    Mail m = mailOf.get();
    try {
      MimeMessage mime = smtp.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
      helper.setFrom(email.from());
      helper.setTo(m.to().toArray(String[]::new));
      helper.setSubject(m.subject());
      helper.setText(m.text(), m.html());
      mime.setHeader("X-Vigil-Delivery-Id", "ntf_" + message.id());
      smtp.send(mime);
      return Delivery.delivered();
    } catch (MailException | MessagingException e) {
      // The type only: SMTP replies may quote addresses.
      return new Delivery.Failed("smtp: " + e.getClass().getSimpleName());
    }
  }

  private Optional<Mail> loginCheck(Notice.AlertSummary alert) {
    Optional<String> address = recipients.emailOf(alert.tenantId(), alert.userId());
    if (address.isEmpty()) {
      return Optional.empty();
    }
    LoginCheckLinks.Claims claims = links.claimsFor(alert, clock.instant());
    Map<String, String> values = Map.of(
        "occurredAt", alert.occurredAt(),
        "reason", reason(alert.signalTypes()),
        "confirmUrl", links.confirmUrl(claims).toString(),
        "reportUrl", links.reportUrl(claims).toString(),
        "expiresAt", claims.expiresAt().toString(),
        "tenantId", alert.tenantId());
    return Optional.of(new Mail(List.of(address.get()), "New sign-in to your account: was this you?",
        templates.text("login-check", values), templates.html("login-check", values)));
  }

  private Optional<Mail> toTeam(NotifySettings.Email email, String subject, String template,
      Map<String, String> values) {
    if (email.securityTeam().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Mail(email.securityTeam(), subject, templates.text(template, values),
        templates.html(template, values)));
  }

  private static Map<String, String> alertValues(String title, Notice.AlertSummary alert) {
    Map<String, String> values = new HashMap<>();
    values.put("title", title);
    values.put("userId", alert.userId());
    values.put("tenantId", alert.tenantId());
    values.put("severity", alert.severity());
    values.put("score", Integer.toString(alert.score()));
    values.put("decision", alert.decision());
    values.put("signals", String.join(", ", alert.signalTypes()));
    values.put("occurredAt", alert.occurredAt());
    values.put("message", alert.message());
    values.put("alertId", Long.toString(alert.alertId()));
    values.put("eventId", alert.eventId());
    return values;
  }

  private static Map<String, String> digestValues(String tenantId, List<Notice.AlertSummary> alerts) {
    String rows = alerts.stream()
        .map(a -> "  " + a.occurredAt() + "  " + a.userId() + "  alert " + a.alertId() + "  " + a.message())
        .collect(Collectors.joining("\n"));
    String rowsHtml = alerts.stream()
        .map(a -> "  <tr><td>" + MailTemplates.escapeHtml(a.occurredAt()) + "</td><td>"
            + MailTemplates.escapeHtml(a.userId()) + "</td><td>" + a.alertId() + "</td><td>"
            + MailTemplates.escapeHtml(a.message()) + "</td></tr>")
        .collect(Collectors.joining("\n"));
    return Map.of("count", Integer.toString(alerts.size()), "tenantId", tenantId, "rows", rows,
        "rowsHtml", rowsHtml);
  }

  /** Why the user is asked, in their words. */
  static String reason(List<String> signalTypes) {
    List<String> parts = signalTypes.stream().map(type -> switch (type) {
      case "new_device" -> "a device or browser you have not used before";
      case "new_country" -> "a country you have not signed in from before";
      case "new_city" -> "a city you have not signed in from before";
      case "new_asn", "new_network", "new_ip" -> "a network you have not used before";
      default -> "";
    }).filter(s -> !s.isEmpty()).distinct().toList();
    return parts.isEmpty() ? "a sign-in that did not look like you" : "a sign-in from " + String.join(", ", parts);
  }

  private record Mail(List<String> to, String subject, String text, String html) {}
}
