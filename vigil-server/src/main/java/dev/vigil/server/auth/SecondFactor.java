package dev.vigil.server.auth;

import dev.vigil.server.alert.SecurityAlert;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * TOTP: enrolment (a pending secret, activated by a first correct code) and the challenges of logins the engine
 * found risky. A challenge is void after {@code mfaMaxAttempts} wrong codes or {@code mfaChallengeTtl}; a new one
 * needs the password again, which the throttle slows down.
 */
@Service
final class SecondFactor {
  private final TotpStore totp;
  private final MfaChallengeStore challenges;
  private final AuthSettings settings;
  private final Clock clock;

  SecondFactor(TotpStore totp, MfaChallengeStore challenges, AuthSettings settings, Clock clock) {
    this.totp = totp;
    this.challenges = challenges;
    this.settings = settings;
    this.clock = clock;
  }

  /** A fresh secret for the user, pending until {@link #activate}; replaces an earlier pending one. */
  Enrolment enroll(Account account) {
    byte[] secret = Totp.newSecret();
    if (!totp.savePending(account.id(), secret, clock.instant())) {
      throw new AuthException(AuthException.Problem.TOTP_ALREADY_ACTIVE);
    }
    return new Enrolment(Totp.base32(secret), Totp.uri(settings.totpIssuer(), account.email(), secret));
  }

  /** Activates the pending secret if {@code code} is its current code. */
  void activate(UUID userId, String code) {
    TotpStore.Credential credential = totp.find(userId)
        .orElseThrow(() -> new AuthException(AuthException.Problem.NO_PENDING_TOTP));
    if (credential.active()) {
      throw new AuthException(AuthException.Problem.TOTP_ALREADY_ACTIVE);
    }
    Instant now = clock.instant();
    OptionalLong step = Totp.verify(credential.secret(), code, now, -1);
    if (step.isEmpty()) {
      throw new AuthException(AuthException.Problem.INVALID_TOTP_CODE);
    }
    totp.activate(userId, step.getAsLong(), now);
  }

  boolean hasActiveTotp(UUID userId) {
    return totp.find(userId).map(TotpStore.Credential::active).orElse(false);
  }

  LoginResult.MfaRequired challenge(Account account, String loginEventId, long networkKey,
      @Nullable String deviceHash, List<SecurityAlert> alerts) {
    OpaqueToken token = OpaqueToken.generate();
    Instant now = clock.instant();
    challenges.create(token, new MfaChallengeStore.Pending(token.id(), account.tenantId(), account.id(),
        loginEventId, networkKey, deviceHash), now, now.plus(settings.mfaChallengeTtl()));
    return new LoginResult.MfaRequired(token.text(), settings.mfaChallengeTtl(), alerts);
  }

  Optional<MfaChallengeStore.Pending> openChallenge(String challengeId) {
    return OpaqueToken.parse(challengeId)
        .flatMap(token -> challenges.open(token, clock.instant(), settings.mfaMaxAttempts()));
  }

  /** The step of {@code code} if it is a current, unused code of the user's active secret. */
  OptionalLong check(UUID userId, String code) {
    return totp.find(userId)
        .filter(TotpStore.Credential::active)
        .map(credential -> Totp.verify(credential.secret(), code, clock.instant(), credential.lastStep()))
        .orElse(OptionalLong.empty());
  }

  /**
   * Spends the code's step and closes the challenge; false when a concurrent request used the code or the
   * challenge first. A false answer counts as a wrong attempt.
   */
  boolean answer(MfaChallengeStore.Pending challenge, long step) {
    boolean answered = totp.markUsed(challenge.userId(), step) && challenges.complete(challenge.id(), clock.instant());
    if (!answered) {
      challenges.recordFailedAttempt(challenge.id());
    }
    return answered;
  }

  /** Records a wrong code against the challenge. */
  void failed(MfaChallengeStore.Pending challenge) {
    challenges.recordFailedAttempt(challenge.id());
  }

  /**
   * A pending TOTP enrolment as shown once to the user.
   *
   * @param secret base32, for manual entry
   * @param otpauthUri for a QR code
   */
  record Enrolment(String secret, String otpauthUri) {
    @Override
    public String toString() {
      return "Enrolment[redacted]";
    }
  }
}
