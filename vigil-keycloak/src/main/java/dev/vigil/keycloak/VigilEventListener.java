package dev.vigil.keycloak;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.jspecify.annotations.Nullable;

/**
 * Turns a realm's {@code LOGIN} and {@code LOGIN_ERROR} events into Vigil login records and queues them for the
 * {@link EventShipper}. Runs on the login's thread, so it only reads what Keycloak already holds and never waits on
 * Vigil; any error here is swallowed (logged at DEBUG) — the login must not notice the listener.
 *
 * <p>A login the "Vigil risk check" step assessed already is not sent again: that step marks the authentication
 * session, and a success also carries the same event id ({@code kc-} + the session id), which Vigil deduplicates.
 * A failure the step itself caused (a denial) carries the {@value VigilRiskCheck#DECISION_DETAIL} detail and is
 * skipped too: Vigil recorded that login as the success it was.
 */
final class VigilEventListener implements EventListenerProvider {
  private static final Logger LOG = Logger.getLogger(VigilEventListener.class);

  private final KeycloakSession session;
  private final @Nullable EventShipper shipper;

  VigilEventListener(KeycloakSession session, @Nullable EventShipper shipper) {
    this.session = session;
    this.shipper = shipper;
  }

  @Override
  public void onEvent(Event event) {
    if (shipper == null || (event.getType() != EventType.LOGIN && event.getType() != EventType.LOGIN_ERROR)) {
      return;
    }
    try {
      LoginRecord login = toRecord(event);
      if (login != null) {
        shipper.offer(login);
      }
    } catch (RuntimeException e) {
      LOG.debugf("Vigil event listener skipped event %s: %s", event.getId(), e.getClass().getName());
    }
  }

  private @Nullable LoginRecord toRecord(Event event) {
    Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
    if (details.containsKey(VigilRiskCheck.DECISION_DETAIL) || event.getIpAddress() == null) {
      return null;
    }
    boolean success = event.getType() == EventType.LOGIN;
    if (success && assessedByRiskCheck()) {
      return null;
    }
    RealmModel realm = session.realms().getRealm(event.getRealmId());
    String username = username(realm, event.getUserId(), details.get("username"));
    if (username == null) {
      return null;
    }
    String eventId = success && event.getSessionId() != null ? "kc-" + event.getSessionId() : "kc-" + event.getId();
    return new LoginRecord(eventId, username, Instant.ofEpochMilli(event.getTime()), success,
        success ? null : FailureReasons.of(event.getError(), details.containsKey(VigilRiskCheck.STEP_DETAIL)),
        event.getIpAddress(), VigilRiskCheck.userAgent(session),
        realm == null ? null : realm.getName(), event.getClientId(), event.getError(), event.getSessionId());
  }

  private boolean assessedByRiskCheck() {
    return authNote(VigilRiskCheck.ASSESSED_NOTE) != null;
  }

  private @Nullable String authNote(String name) {
    AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
    return authSession == null ? null : authSession.getAuthNote(name);
  }

  private @Nullable String username(@Nullable RealmModel realm, @Nullable String userId, @Nullable String typed) {
    if (realm != null && userId != null) {
      UserModel user = session.users().getUserById(realm, userId);
      if (user != null) {
        return user.getUsername();
      }
    }
    return typed == null || typed.isBlank() ? null : typed.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public void onEvent(AdminEvent event, boolean includeRepresentation) {
  }

  @Override
  public void close() {
  }
}
