package dev.vigil.server.notify;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.vigil.server.alert.SecurityAlert;
import java.util.List;

/**
 * What one outbox message says, stored as its JSON payload. Closed: each {@link Sender} renders every case, so a
 * new kind of notice is a compile error in every channel until it is rendered (or refused) there.
 *
 * <p>Notices hold user ids and alert messages (which never contain raw IPs or user agents), and no email address
 * or token: addresses are looked up and links signed when the message is sent.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Notice.AlertRaised.class, name = "alert"),
    @JsonSubTypes.Type(value = Notice.LoginCheck.class, name = "login_check"),
    @JsonSubTypes.Type(value = Notice.Digest.class, name = "digest"),
    @JsonSubTypes.Type(value = Notice.Page.class, name = "page"),
    @JsonSubTypes.Type(value = Notice.LoginReported.class, name = "login_reported"),
    @JsonSubTypes.Type(value = Notice.SecurityEventRaised.class, name = "security_event")})
public sealed interface Notice {
  /** The value of {@code notification_outbox.kind}. */
  String kind();

  /** An alert for the security team (Slack, email, webhook). */
  record AlertRaised(AlertSummary alert) implements Notice {
    @Override
    public String kind() {
      return "alert";
    }
  }

  /** "Was this you?" to the user the alert is about, with a confirm and a report link. */
  record LoginCheck(AlertSummary alert) implements Notice {
    @Override
    public String kind() {
      return "login_check";
    }
  }

  /** Medium alerts of one tenant since the last digest. */
  record Digest(List<AlertSummary> alerts) implements Notice {
    public Digest {
      alerts = List.copyOf(alerts);
    }

    @Override
    public String kind() {
      return "digest";
    }
  }

  /**
   * A PagerDuty event: trigger, acknowledge or resolve the incident {@code dedupKey}.
   *
   * @param action {@code trigger}, {@code acknowledge} or {@code resolve}
   * @param dedupKey PagerDuty's key tying the three together ({@code vigil-alert-<tenant>-<id>})
   * @param summary one line for the on-call person; only with trigger
   * @param severity PagerDuty's {@code critical}, {@code error}, {@code warning} or {@code info}
   */
  record Page(String action, String dedupKey, String summary, String severity, String tenantId)
      implements Notice {
    @Override
    public String kind() {
      return "page";
    }
  }

  /** A user said a login was not them ("No, secure my account"): {@code security.login.reported}. */
  record LoginReported(long reportId, String tenantId, String userId, String eventId, long alertId,
      String reportedAt) implements Notice {
    @Override
    public String kind() {
      return "login_reported";
    }

    @Override
    public String toString() {
      return "LoginReported[reportId=" + reportId + ", tenant=" + tenantId + ", eventId=" + eventId + "]";
    }
  }

  /**
   * An outbound security event of incident response ({@code security.login.blocked}, {@code .rollback}), already
   * rendered as its CloudEvents 1.0 envelope, which the webhook sends unchanged (structured mode).
   *
   * @param type the CloudEvents {@code type}
   * @param cloudEvent the envelope as JSON text
   */
  record SecurityEventRaised(String type, String cloudEvent) implements Notice {
    @Override
    public String kind() {
      return "security_event";
    }

    @Override
    public String toString() {
      return "SecurityEventRaised[type=" + type + "]";
    }
  }

  /**
   * An alert as notices carry it. Times are ISO-8601 text, so the payload needs no Jackson time module.
   */
  record AlertSummary(long alertId, String tenantId, String userId, String eventId, String type,
      List<String> signalTypes, String severity, String message, int score, String decision, String occurredAt,
      String createdAt) {
    public AlertSummary {
      signalTypes = List.copyOf(signalTypes);
    }

    static AlertSummary of(SecurityAlert alert) {
      return new AlertSummary(alert.id(), alert.tenantId(), alert.userId(), alert.eventId(), alert.type(),
          alert.signalTypes(), alert.severity(), alert.message(), alert.score(), alert.decision(),
          alert.occurredAt().toString(), alert.createdAt().toString());
    }

    /** Records print every field; logs get the ids only. */
    @Override
    public String toString() {
      return "AlertSummary[alertId=" + alertId + ", tenant=" + tenantId + ", eventId=" + eventId + ", severity="
          + severity + "]";
    }
  }
}
