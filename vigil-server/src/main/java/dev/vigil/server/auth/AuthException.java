package dev.vigil.server.auth;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.VigilException;

/**
 * A request of the login service refused for a reason the caller may know. The messages are deliberately
 * neutral: a failed login never says whether the account exists, is frozen or the password was wrong.
 */
public final class AuthException extends VigilException {
  /** The closed set of refusals, each with its HTTP status, problem type and text. */
  public enum Problem {
    /** Unknown user, wrong password and frozen account all look alike. */
    INVALID_CREDENTIALS(401, "invalid-credentials", "Authentication failed", "the email or password is incorrect"),
    /** Unknown, expired, revoked or reused refresh token. */
    INVALID_REFRESH_TOKEN(401, "invalid-refresh-token", "Authentication failed",
        "the refresh token is invalid or has expired; log in again"),
    /** Wrong TOTP code, or an expired or used-up challenge. */
    INVALID_MFA_CODE(401, "invalid-mfa-code", "Authentication failed",
        "the code is incorrect or the challenge has expired"),
    /** The risk engine refused the login. */
    LOGIN_DENIED(403, "login-denied", "Login refused",
        "this sign-in was refused; if it was you, try again later or contact support"),
    /** The risk engine asked for a second factor the user has not set up. */
    SECOND_FACTOR_UNAVAILABLE(403, "second-factor-unavailable", "Additional verification required",
        "this sign-in needs additional verification but no second factor is set up for the account; sign in from "
            + "a device you have used before or contact support"),
    /** An administrator named an account their tenant does not have. */
    ACCOUNT_NOT_FOUND(404, "account-not-found", "Account not found", "this tenant has no account with that id"),
    /** Registration of an email the tenant already has. */
    EMAIL_TAKEN(409, "email-taken", "Email already registered", "an account with this email already exists"),
    /** Enrolment while a TOTP secret is already active. */
    TOTP_ALREADY_ACTIVE(409, "totp-already-active", "TOTP already active",
        "a TOTP authenticator is already active for this account"),
    /** Activation without a pending enrolment. */
    NO_PENDING_TOTP(409, "no-pending-totp", "No pending TOTP enrolment", "enrol first: POST /auth/totp/enroll"),
    /** Activation with a code that does not match the pending secret. */
    INVALID_TOTP_CODE(400, "invalid-totp-code", "Invalid TOTP code",
        "the code does not match; check the authenticator's clock and try the current code");

    private final int status;
    private final String type;
    private final String title;
    private final String detail;

    Problem(int status, String type, String title, String detail) {
      this.status = status;
      this.type = type;
      this.title = title;
      this.detail = detail;
    }

    public int status() {
      return status;
    }

    /** The last segment of the problem type URI. */
    public String type() {
      return type;
    }

    public String title() {
      return title;
    }

    public String detail() {
      return detail;
    }
  }

  private final Problem problem;

  public AuthException(Problem problem) {
    super(requireNonNull(problem, "problem").detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
