package dev.vigil.server.notify;

import dev.vigil.server.alert.AlertStore;
import dev.vigil.server.engine.LoginPipeline;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The user's answer to "was this you?". Either link of one mail works once: the first click inserts the
 * {@code notification_link_uses} row for (tenant, user, event), a second click of either link finds it.
 *
 * <ul>
 *   <li>"Yes, it was me": the alert is acknowledged, and after commit the engine learns the login as genuine
 *       ({@link LoginPipeline#confirm}).</li>
 *   <li>"No, secure my account": a {@code login_reports} row and {@code security.login.reported} messages to
 *       the tenant's webhook, Slack and security team, in one transaction; after commit
 *       {@link AccountProtection} acts on it.</li>
 * </ul>
 */
@Service
public final class LoginCheckService {
  private static final Logger LOG = LoggerFactory.getLogger(LoginCheckService.class);

  private final LoginCheckLinks links;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final AlertStore alerts;
  private final LoginPipeline pipeline;
  private final Outbox outbox;
  private final NotifySettings settings;
  private final AccountProtection protection;
  private final DispatchSignal signal;
  private final Clock clock;

  LoginCheckService(LoginCheckLinks links, JdbcClient jdbc, TransactionTemplate transactions, AlertStore alerts,
      LoginPipeline pipeline, Outbox outbox, NotifySettings settings, AccountProtection protection,
      DispatchSignal signal, Clock clock) {
    this.links = links;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.alerts = alerts;
    this.pipeline = pipeline;
    this.outbox = outbox;
    this.settings = settings;
    this.protection = protection;
    this.signal = signal;
    this.clock = clock;
  }

  /** "Yes, it was me". */
  public Answer confirm(String token) {
    Instant now = clock.instant();
    return switch (links.verify(token, now)) {
      case LoginCheckLinks.Verification.Invalid i -> Answer.INVALID;
      case LoginCheckLinks.Verification.Expired e -> Answer.EXPIRED;
      case LoginCheckLinks.Verification.Valid v -> {
        LoginCheckLinks.Claims c = v.claims();
        Boolean first = transactions.execute(status -> {
          if (!use(c, "confirmed", now)) {
            return false;
          }
          alerts.acknowledge(c.tenantId(), c.userId(), c.alertId(), now);
          return true;
        });
        if (!Boolean.TRUE.equals(first)) {
          yield Answer.ALREADY_USED;
        }
        boolean learned = pipeline.confirm(c.tenantId(), c.eventId());
        LOG.debug("login {} of tenant {} confirmed by its user (engine remembered it: {})", c.eventId(),
            c.tenantId(), learned);
        yield Answer.CONFIRMED;
      }
    };
  }

  /** "No, secure my account". */
  public Answer report(String token) {
    Instant now = clock.instant();
    return switch (links.verify(token, now)) {
      case LoginCheckLinks.Verification.Invalid i -> Answer.INVALID;
      case LoginCheckLinks.Verification.Expired e -> Answer.EXPIRED;
      case LoginCheckLinks.Verification.Valid v -> {
        Optional<AccountProtection.LoginReport> report = transactions.execute(status -> record(v.claims(), now));
        if (report == null || report.isEmpty()) {
          yield Answer.ALREADY_USED;
        }
        protection.loginReported(report.get());
        yield Answer.REPORTED;
      }
    };
  }

  private Optional<AccountProtection.LoginReport> record(LoginCheckLinks.Claims c, Instant now) {
    if (!use(c, "reported", now)) {
      return Optional.empty();
    }
    long id = jdbc.sql("""
            INSERT INTO login_reports (tenant_id, user_id, event_id, alert_id, reported_at)
            VALUES (:tenant, :user, :event, :alert, :now) RETURNING id""")
        .param("tenant", c.tenantId()).param("user", c.userId()).param("event", c.eventId())
        .param("alert", c.alertId()).param("now", Timestamp.from(now))
        .query(Long.class).single();
    Notice.LoginReported notice = new Notice.LoginReported(id, c.tenantId(), c.userId(), c.eventId(), c.alertId(),
        now.toString());
    NotifySettings.Channels channels = settings.channelsFor(c.tenantId());
    String key = "report:" + c.tenantId() + ":" + id;
    if (channels.webhook().configured()) {
      outbox.enqueue(new NewMessage(c.tenantId(), c.userId(), Channel.WEBHOOK, null, notice, key), now);
    }
    if (channels.slack().configured()) {
      outbox.enqueue(new NewMessage(c.tenantId(), c.userId(), Channel.SLACK, null, notice, key), now);
    }
    if (channels.email().configured() && !channels.email().securityTeam().isEmpty()) {
      outbox.enqueue(new NewMessage(c.tenantId(), c.userId(), Channel.EMAIL, null, notice, key), now);
    }
    signal.afterCommit();
    return Optional.of(new AccountProtection.LoginReport(id, c.tenantId(), c.userId(), c.eventId(), c.alertId()));
  }

  private boolean use(LoginCheckLinks.Claims c, String action, Instant now) {
    return jdbc.sql("""
            INSERT INTO notification_link_uses (tenant_id, user_id, event_id, action, used_at)
            VALUES (:tenant, :user, :event, :action, :now) ON CONFLICT DO NOTHING""")
        .param("tenant", c.tenantId()).param("user", c.userId()).param("event", c.eventId())
        .param("action", action).param("now", Timestamp.from(now))
        .update() == 1;
  }

  /** What the user's click did. */
  public enum Answer {
    /** The login was confirmed as the user's; the alert is acknowledged. */
    CONFIRMED,
    /** The login was reported as not the user's. */
    REPORTED,
    /** One of the mail's two links had been used before; nothing changed. */
    ALREADY_USED,
    /** The link is past its expiry; nothing changed. */
    EXPIRED,
    /** The link was not signed by this server (altered, truncated, or another key); nothing changed. */
    INVALID
  }
}
