package dev.vigil.keycloak;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.jspecify.annotations.Nullable;

/**
 * The "Vigil risk check" step of a browser flow, placed right after the username/password form: the user is known
 * and the password was right, and Vigil decides what happens next.
 *
 * <ul>
 *   <li>{@code ALLOW}: the flow continues.
 *   <li>{@code CHALLENGE}: step-up — this step shows Keycloak's own OTP form (the {@link OTPFormAuthenticator},
 *       delegated to) and continues only with a valid code. A user without an OTP credential is refused instead:
 *       offering enrolment would let whoever holds the password choose the second factor.
 *   <li>{@code DENY}, or a source on Vigil's block list: refused with the same message as a wrong password, so an
 *       attacker cannot learn that the password was right.
 *   <li>Vigil unreachable, slow (over the timeout) or answering something else: continue (fail open, the default)
 *       or refuse (fail closed), as configured.
 * </ul>
 * The login is sent as a success with event id {@code kc-<root authentication session id>}: Keycloak names the user
 * session it creates next by that id, so the listener's {@code LOGIN} event for it is the same Vigil event.
 */
final class VigilRiskCheck implements Authenticator {
  static final String ASSESSED_NOTE = "vigil.assessed";
  static final String STEP_UP_NOTE = "vigil.step-up";
  /** Marks the Keycloak event of a login this step refused, so that the listener does not report it again. */
  static final String DECISION_DETAIL = "vigil_decision";
  /**
   * Marks the Keycloak event of an OTP form this step showed: Keycloak reports a wrong code as
   * {@code invalid_user_credentials}, like a wrong password, and this detail tells the listener it was the second
   * factor.
   */
  static final String STEP_DETAIL = "vigil_step";
  private static final Logger LOG = Logger.getLogger(VigilRiskCheck.class);

  private final VigilRiskCheckFactory factory;
  private final OTPFormAuthenticator otp = new OTPFormAuthenticator();

  VigilRiskCheck(VigilRiskCheckFactory factory) {
    this.factory = factory;
  }

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    RiskCheckSettings settings = factory.settings(context.getAuthenticatorConfig());
    if (settings == null) {
      LOG.warn("Vigil risk check has no configuration (vigil.url, vigil.api-key); failing open");
      context.success();
      return;
    }
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    String eventId = "kc-" + authSession.getParentSession().getId();
    authSession.setAuthNote(ASSESSED_NOTE, eventId);
    VigilClient.Verdict verdict;
    try {
      verdict = factory.client(settings.endpoint()).assess(login(context, eventId));
    } catch (VigilUnavailableException e) {
      LOG.warnf("Vigil risk check unavailable for event %s (%s); failing %s", eventId, e.getMessage(),
          settings.failOpen() ? "open" : "closed");
      if (settings.failOpen()) {
        context.success();
      } else {
        deny(context, "UNAVAILABLE");
      }
      return;
    }
    LOG.debugf("Vigil decided %s (score %d) for event %s", verdict.decision(), verdict.score(), eventId);
    if (verdict.blocked() || verdict.decision().equals("DENY")) {
      deny(context, "DENY");
    } else if (verdict.decision().equals("CHALLENGE")) {
      stepUp(context);
    } else {
      context.success();
    }
  }

  private void stepUp(AuthenticationFlowContext context) {
    if (!otp.configuredFor(context.getSession(), context.getRealm(), context.getUser())) {
      deny(context, "CHALLENGE_WITHOUT_OTP");
      return;
    }
    context.getAuthenticationSession().setAuthNote(STEP_UP_NOTE, "true");
    otp.authenticate(context);
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    if ("true".equals(context.getAuthenticationSession().getAuthNote(STEP_UP_NOTE))) {
      context.getEvent().detail(STEP_DETAIL, "otp");
      otp.action(context); // validates the code: success, or the form again with an error
    } else {
      authenticate(context);
    }
  }

  private static void deny(AuthenticationFlowContext context, String why) {
    context.getEvent().detail(DECISION_DETAIL, why);
    Response page = context.form().setError(Messages.INVALID_USER).createErrorPage(Response.Status.UNAUTHORIZED);
    context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
  }

  private static LoginRecord login(AuthenticationFlowContext context, String eventId) {
    KeycloakSession session = context.getSession();
    return new LoginRecord(eventId, context.getUser().getUsername(), Instant.now(), true, null,
        context.getConnection().getRemoteAddr(), userAgent(session), context.getRealm().getName(),
        context.getAuthenticationSession().getClient().getClientId(), null,
        context.getAuthenticationSession().getParentSession().getId());
  }

  /** The request's User-Agent, or null outside an HTTP request. */
  static @Nullable String userAgent(KeycloakSession session) {
    if (session.getContext() == null || session.getContext().getRequestHeaders() == null) {
      return null;
    }
    return session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.USER_AGENT);
  }

  @Override
  public boolean requiresUser() {
    return true;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
  }

  @Override
  public void close() {
  }
}
