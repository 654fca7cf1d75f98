package dev.vigil.server.auth;

import dev.vigil.server.auth.SessionStore.Rotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sessions and their tokens: opening one for a login that passed, rotating refresh tokens (a reused one ends the
 * whole session, since it means two parties hold it), and logout.
 */
@Service
final class SessionService {
  private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);

  private final SessionStore sessions;
  private final OpenSessions openSessions;
  private final AccessTokens accessTokens;
  private final Duration refreshTtl;
  private final Clock clock;

  SessionService(SessionStore sessions, OpenSessions openSessions, AccessTokens accessTokens, AuthSettings settings,
      Clock clock) {
    this.sessions = sessions;
    this.openSessions = openSessions;
    this.accessTokens = accessTokens;
    this.refreshTtl = settings.refreshTokenTtl();
    this.clock = clock;
  }

  /** Opens a session for {@code account} after the login {@code loginEventId} and issues its first tokens. */
  IssuedTokens open(Account account, String loginEventId) {
    Instant now = clock.instant();
    UUID sessionId = UUID.randomUUID();
    OpaqueToken refresh = OpaqueToken.generate();
    sessions.open(sessionId, account, loginEventId, refresh, now, now.plus(refreshTtl));
    AccessTokens.IssuedToken access = accessTokens.issue(account.id(), account.tenantId(), sessionId, account.role());
    return new IssuedTokens(access.token(), access.expiresIn(), refresh.text(), refreshTtl);
  }

  /**
   * Exchanges a refresh token for a new pair.
   *
   * @throws AuthException {@code INVALID_REFRESH_TOKEN} when it is unknown, expired, revoked, or was used before
   *     (which also ends its session)
   */
  IssuedTokens refresh(String refreshToken) {
    OpaqueToken presented = OpaqueToken.parse(refreshToken)
        .orElseThrow(() -> new AuthException(AuthException.Problem.INVALID_REFRESH_TOKEN));
    Instant now = clock.instant();
    OpaqueToken next = OpaqueToken.generate();
    Rotation rotation = sessions.rotate(presented, next, now, now.plus(refreshTtl));
    return switch (rotation) {
      case Rotation.Rotated rotated -> {
        AccessTokens.IssuedToken access =
            accessTokens.issue(rotated.userId(), rotated.tenantId(), rotated.sessionId(), rotated.role());
        yield new IssuedTokens(access.token(), access.expiresIn(), next.text(), refreshTtl);
      }
      case Rotation.Reused reused -> {
        LOG.warn("a rotated refresh token was presented again; session {} and all its tokens are revoked",
            reused.sessionId());
        throw new AuthException(AuthException.Problem.INVALID_REFRESH_TOKEN);
      }
      case Rotation.Refused refused -> throw new AuthException(AuthException.Problem.INVALID_REFRESH_TOKEN);
    };
  }

  /** Ends the caller's session: its access tokens are refused from now on, its refresh tokens revoked. */
  void logout(AuthenticatedUser user) {
    sessions.end(user.tenantId(), user.userId(), user.sessionId(), SessionStore.EndReason.LOGOUT, clock.instant());
  }

  /** The caller's open sessions, newest first ({@link OpenSessions#MAX_LISTED} at most). */
  List<OpenSessions.OpenSession> openSessions(AuthenticatedUser user) {
    return openSessions.of(user.tenantId(), user.userId(), clock.instant());
  }

  /** Ends the caller's other sessions (a lost phone, a shared computer) and keeps this one; returns how many. */
  int logoutOthers(AuthenticatedUser user) {
    return sessions.endOthers(user.tenantId(), user.userId(), user.sessionId(), clock.instant());
  }
}
