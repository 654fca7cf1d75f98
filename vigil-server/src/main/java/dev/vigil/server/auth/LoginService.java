package dev.vigil.server.auth;

import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.Outcome;
import dev.vigil.server.enforce.BlockList;
import dev.vigil.server.engine.LoginPipeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Password login and its second step. Every attempt — throttled, unknown user, wrong password, frozen account,
 * wrong TOTP code, success — becomes a {@link LoginEvent} assessed by {@link LoginPipeline}, and the decision is
 * enforced: ALLOW issues tokens, CHALLENGE asks for a TOTP code, DENY refuses. Before all of it, a source that
 * incident response blocked is refused without an assessment.
 *
 * <p><b>No oracle.</b> Unknown user, wrong password and frozen account get the same 401 and cost the same time
 * (an unknown user's password is checked against a dummy hash; the frozen flag is looked at only after the
 * password). A challenge or a denial does reveal that the password was right; that is inherent in asking for a
 * second factor after it.
 *
 * <p><b>Detection never breaks login.</b> If the pipeline throws, the attempt is logged (event id and tenant
 * only) and handled as ALLOW without alerts.
 *
 * <p>More collaborators than a class usually should have: this is the one place where password, throttle,
 * engine, second factor and session meet, and the order of those steps is the security property; each
 * collaborator is a single-purpose store or service.
 */
@Service
final class LoginService {
  private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);
  private static final String AUTH_METHOD = "password";

  private final AccountStore accounts;
  private final PasswordEncoder passwords;
  private final LoginPipeline pipeline;
  private final LoginThrottle throttle;
  private final TrustedSources trusted;
  private final SessionService sessions;
  private final SecondFactor secondFactor;
  private final AuthSettings settings;
  private final BlockList blocks;
  private final Clock clock;
  private final String dummyHash;

  @SuppressWarnings("checkstyle:ParameterNumber") // see the class comment
  LoginService(AccountStore accounts, PasswordEncoder passwords, LoginPipeline pipeline, LoginThrottle throttle,
      TrustedSources trusted, SessionService sessions, SecondFactor secondFactor, AuthSettings settings,
      BlockList blocks, Clock clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.pipeline = pipeline;
    this.throttle = throttle;
    this.trusted = trusted;
    this.sessions = sessions;
    this.secondFactor = secondFactor;
    this.settings = settings;
    this.blocks = blocks;
    this.clock = clock;
    this.dummyHash = passwords.encode(UUID.randomUUID().toString());
  }

  /**
   * Checks a password login.
   *
   * @throws LoginThrottledException when this account has failed too often from this network lately
   * @throws AuthException {@code INVALID_CREDENTIALS}, {@code LOGIN_DENIED} or {@code SECOND_FACTOR_UNAVAILABLE}
   */
  LoginResult login(String tenantId, String email, String password, ClientInfo client) {
    refuseBlocked(tenantId, client);
    String name = normalizeEmail(email);
    Optional<Account> account = accounts.findByEmail(tenantId, name);
    // The engine's user id: the account id, or for an unknown user the name tried (the event contract's rule).
    String userKey = account.map(a -> a.id().toString()).orElse(name);
    String deviceHash = TrustedSources.deviceHash(client.deviceId());
    Familiarity familiarity = account.map(a -> trusted.of(a, client.ip(), deviceHash)).orElse(Familiarity.NONE);

    Optional<Duration> wait = throttle.attempt(tenantId, userKey, client.ip(), familiarity);
    if (wait.isPresent()) {
      assess(event(tenantId, userKey, FailureReason.OTHER, client, Map.of("refused", "throttled")));
      throw new LoginThrottledException(wait.get());
    }
    boolean passwordMatches = passwords.matches(password, account.map(Account::passwordHash).orElse(dummyHash));
    FailureReason failure = account.isEmpty() ? FailureReason.UNKNOWN_USER
        : !passwordMatches ? FailureReason.BAD_PASSWORD
        : account.get().frozen() ? FailureReason.LOCKED
        : null;
    if (failure == null) {
      // The attempt was counted as a failure before the check (no racing past the limit); it was not one.
      throttle.release(tenantId, userKey, client.ip(), familiarity);
    }
    LoginEvent event = event(tenantId, userKey, failure, client, Map.of());
    Verdict verdict = assess(event);
    if (failure != null) {
      throw new AuthException(AuthException.Problem.INVALID_CREDENTIALS);
    }
    Account user = account.orElseThrow();
    return switch (verdict.decision()) {
      case ALLOW -> new LoginResult.Tokens(passed(user, event.eventId(), client, deviceHash), verdict.alerts());
      case CHALLENGE -> challenge(user, event.eventId(), client, deviceHash, verdict);
      case DENY -> throw new AuthException(AuthException.Problem.LOGIN_DENIED);
    };
  }

  /**
   * Answers a challenge with a TOTP code; on success the engine is told the login was the user's.
   *
   * @throws AuthException {@code INVALID_MFA_CODE} for a wrong code or an unknown, expired or used-up challenge
   */
  LoginResult.Tokens completeMfa(String challengeId, String code, ClientInfo client) {
    MfaChallengeStore.Pending challenge = secondFactor.openChallenge(challengeId)
        .orElseThrow(() -> new AuthException(AuthException.Problem.INVALID_MFA_CODE));
    refuseBlocked(challenge.tenantId(), client);
    Optional<Account> account = accounts.findById(challenge.tenantId(), challenge.userId());
    String userKey = challenge.userId().toString();
    if (account.isEmpty() || account.get().frozen()) {
      assess(event(challenge.tenantId(), userKey, FailureReason.LOCKED, client, Map.of()));
      throw new AuthException(AuthException.Problem.INVALID_MFA_CODE);
    }
    Account user = account.get();
    OptionalLong step = secondFactor.check(user.id(), code);
    if (step.isEmpty() || !secondFactor.answer(challenge, step.getAsLong())) {
      if (step.isEmpty()) {
        secondFactor.failed(challenge);
      }
      assess(event(challenge.tenantId(), userKey, FailureReason.MFA_FAILED, client, Map.of()));
      Familiarity familiarity = trusted.of(user, client.ip(), TrustedSources.deviceHash(client.deviceId()));
      throttle.failed(challenge.tenantId(), userKey, client.ip(), familiarity);
      throw new AuthException(AuthException.Problem.INVALID_MFA_CODE);
    }
    confirm(challenge.tenantId(), challenge.loginEventId());
    trusted.remember(user.tenantId(), user.id(), challenge.networkKey(), challenge.deviceHash());
    throttle.succeeded(user.tenantId(), userKey, client.ip());
    return new LoginResult.Tokens(sessions.open(user, challenge.loginEventId()), List.of());
  }

  /**
   * A source incident response blocked for the tenant ({@link BlockList}) is refused before anything else: no
   * account lookup, no password check, no engine call — so a blocked source learns nothing and costs nothing.
   * The answer is the same neutral 403 as an engine DENY; it does not say that the address is blocked.
   */
  private void refuseBlocked(String tenantId, ClientInfo client) {
    if (blocks.isBlocked(tenantId, client.ip())) {
      throw new AuthException(AuthException.Problem.LOGIN_DENIED);
    }
  }

  private LoginResult challenge(Account user, String eventId, ClientInfo client, @Nullable String deviceHash,
      Verdict verdict) {
    if (secondFactor.hasActiveTotp(user.id())) {
      return secondFactor.challenge(user, eventId, client.ip().networkKey(), deviceHash, verdict.alerts());
    }
    return switch (settings.challengeWithoutTotp()) {
      case REFUSE -> throw new AuthException(AuthException.Problem.SECOND_FACTOR_UNAVAILABLE);
      // Not confirmed to the engine: without a second factor nobody proved it was the user.
      case ALLOW_WITH_ALERT -> new LoginResult.Tokens(sessions.open(user, eventId), verdict.alerts());
    };
  }

  /** A login that passed every check: remember where it came from, open the session. */
  private IssuedTokens passed(Account user, String eventId, ClientInfo client, @Nullable String deviceHash) {
    throttle.succeeded(user.tenantId(), user.id().toString(), client.ip());
    trusted.remember(user.tenantId(), user.id(), client.ip().networkKey(), deviceHash);
    return sessions.open(user, eventId);
  }

  private Verdict assess(LoginEvent event) {
    try {
      return Verdict.of(pipeline.assess(event));
    } catch (RuntimeException e) {
      // No message or stack trace: either may quote the event (address, user name).
      LOG.warn("anomaly processing failed for event {} of tenant {} ({}); the login continues unassessed",
          event.eventId(), event.tenantId(), e.getClass().getName());
      return Verdict.UNASSESSED;
    }
  }

  private void confirm(String tenantId, String eventId) {
    try {
      pipeline.confirm(tenantId, eventId);
    } catch (RuntimeException e) {
      LOG.warn("confirming event {} of tenant {} to the engine failed ({})", eventId, tenantId,
          e.getClass().getName());
    }
  }

  private LoginEvent event(String tenantId, String userKey, @Nullable FailureReason failure, ClientInfo client,
      Map<String, String> attributes) {
    Instant now = clock.instant();
    return new LoginEvent(UUID.randomUUID().toString(), tenantId, userKey, now,
        failure == null ? Outcome.SUCCESS : Outcome.FAILURE, failure, client.ip(), client.userAgent(),
        client.deviceId(), null, AUTH_METHOD, null, attributes,
        client.userAgentTruncated() ? Set.of("userAgent") : Set.of());
  }

  /** Login names compare trimmed and case-insensitively. */
  static String normalizeEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
