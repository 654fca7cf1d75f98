package dev.vigil.server.incident;

import dev.vigil.core.policy.Action;
import dev.vigil.server.caller.Caller;
import dev.vigil.server.caller.InvalidRequestException;
import dev.vigil.server.enforce.Enforcement;
import dev.vigil.server.enforce.Target;
import dev.vigil.server.notify.AccountProtection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "No, secure my account": the user's own word that a login was not theirs is the strongest signal there is, so
 * nobody is asked first. Their sessions end everywhere and the account is frozen at once (manual actions of
 * {@link Enforcement}, audited with the user as actor), and a CONFIRMED incident about them records it for the
 * analysts — with the reported login when it is stored — who unfreeze the account once it is safe again.
 *
 * <p>Runs after the report committed; each step is tried even when an earlier one failed, and a failure is logged
 * by exception type only (messages can quote row values).
 */
@Component
final class LoginReportProtection implements AccountProtection {
  private static final Logger LOG = LoggerFactory.getLogger(LoginReportProtection.class);
  private static final String NOTE = "the user reported a login as not theirs (\"No, secure my account\")";

  private final Enforcement enforcement;
  private final IncidentIntake intake;
  private final IncidentReview review;

  LoginReportProtection(Enforcement enforcement, IncidentIntake intake, IncidentReview review) {
    this.enforcement = enforcement;
    this.intake = intake;
    this.review = review;
  }

  @Override
  public void loginReported(LoginReport report) {
    Caller user = new Caller(report.tenantId(), report.userId());
    Target account = Target.user(report.userId());
    step(report, "force logout", () ->
        enforcement.manual(report.tenantId(), user.actor(), Action.FORCE_LOGOUT, account, List.of()));
    step(report, "freeze", () ->
        enforcement.manual(report.tenantId(), user.actor(), Action.FREEZE, account, List.of()));
    step(report, "confirmed incident", () -> {
      String incidentId = open(user, report);
      if (review.details(report.tenantId(), incidentId).incident().status() != IncidentStatus.CONFIRMED) {
        review.acknowledge(user, incidentId, Verdict.CONFIRMED, NOTE);
      }
    });
  }

  /** Opens (or joins) the user's incident with the reported login, or without it when it is not stored. */
  private String open(Caller user, LoginReport report) {
    Subject subject = Subject.user(report.userId());
    try {
      return intake.openManually(user, subject, "high", List.of(report.eventId()), NOTE);
    } catch (InvalidRequestException e) {
      return intake.openManually(user, subject, "high", List.of(), NOTE);
    }
  }

  private static void step(LoginReport report, String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.error("securing the account of login report {} (tenant {}): {} failed ({})", report.id(),
          report.tenantId(), what, e.getClass().getName());
    }
  }
}
