package dev.vigil.server.notify;

/**
 * What happens to an account when its user answers "No, secure my account". The report is already stored
 * ({@code login_reports}) and announced ({@code security.login.reported} on the webhook and Slack) before this is
 * called, after commit.
 *
 * <p>A port: incident response implements it ({@code incident.LoginReportProtection}: force logout everywhere,
 * freeze, and a CONFIRMED incident); without it, {@link NoAccountProtection} only notes that nothing was
 * enforced.
 */
public interface AccountProtection {
  void loginReported(LoginReport report);

  /** A user's report that a login was not theirs. {@code toString()} leaves out the user. */
  record LoginReport(long id, String tenantId, String userId, String eventId, long alertId) {
    @Override
    public String toString() {
      return "LoginReport[id=" + id + ", tenant=" + tenantId + ", eventId=" + eventId + "]";
    }
  }
}
