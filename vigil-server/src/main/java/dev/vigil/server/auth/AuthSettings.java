package dev.vigil.server.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The built-in login service ({@code vigil.auth.*}, documented in {@code docs/configuration.md}).
 *
 * @param accessTokenTtl lifetime of a JWT access token
 * @param refreshTokenTtl lifetime of a refresh token and of the session it belongs to
 * @param signingKey the HS256 key for access tokens, base64, at least 32 bytes; when absent it is read from
 *     {@code signingKeyFile}, generated there on first start
 * @param signingKeyFile where the signing key lives when {@code signingKey} is not given
 * @param issuer the {@code iss} claim of access tokens
 * @param trustForwardedHeaders whether the client address is taken from {@code X-Forwarded-For} (only behind a
 *     proxy that sets it); otherwise from the socket
 * @param challengeWithoutTotp what a challenged login of a user without TOTP gets
 * @param mfaChallengeTtl how long a TOTP challenge may be answered
 * @param mfaMaxAttempts wrong codes after which a challenge is void
 * @param totpIssuer the issuer shown by authenticator apps
 * @param password Argon2id cost
 * @param throttle brute-force throttling
 * @param bootstrapAdmin an administrator created at start when absent
 */
@Validated
@ConfigurationProperties("vigil.auth")
public record AuthSettings(
    @DefaultValue("PT15M") @NotNull Duration accessTokenTtl,
    @DefaultValue("P7D") @NotNull Duration refreshTokenTtl,
    @Nullable String signingKey,
    @DefaultValue("./data/jwt-signing.key") @NotNull Path signingKeyFile,
    @DefaultValue("vigil") @NotBlank String issuer,
    @DefaultValue("false") boolean trustForwardedHeaders,
    @DefaultValue("REFUSE") @NotNull ChallengeWithoutTotp challengeWithoutTotp,
    @DefaultValue("PT5M") @NotNull Duration mfaChallengeTtl,
    @DefaultValue("5") @Positive int mfaMaxAttempts,
    @DefaultValue("Vigil") @NotBlank String totpIssuer,
    @DefaultValue @Valid PasswordHashing password,
    @DefaultValue @Valid ThrottleSettings throttle,
    @DefaultValue @Valid BootstrapAdmin bootstrapAdmin) {

  /** What a login the engine challenged gets when the user has no active TOTP. */
  public enum ChallengeWithoutTotp {
    /** Refused with 403 {@code second-factor-unavailable}: a stolen password alone never passes a challenge. */
    REFUSE,
    /** Let in; the login's alert is in the response and the user is told (for tenants that cannot refuse). */
    ALLOW_WITH_ALERT
  }

  /**
   * Argon2id cost (OWASP's minimum is 19 MiB, 2 iterations, 1 lane).
   *
   * @param memoryKib memory per hash in KiB
   * @param iterations passes over the memory
   */
  public record PasswordHashing(
      @DefaultValue("19456") @Min(8) int memoryKib,
      @DefaultValue("2") @Positive int iterations) {}

  /**
   * Exponential back-off after failed logins, bound to (tenant, user, source network).
   *
   * @param failures failures from one network within {@code window} after which back-off starts
   * @param initialDelay the first wait; doubled on every further failure
   * @param maxDelay the longest wait
   * @param window failures older than this are forgotten
   * @param userWideFailures failures over all unfamiliar networks within {@code window} after which unfamiliar
   *     networks are slowed down too (a distributed attack); familiar networks and devices never are
   * @param trustWindow how long a network or device the user logged in from stays familiar
   */
  public record ThrottleSettings(
      @DefaultValue("5") @Positive int failures,
      @DefaultValue("PT1S") @NotNull Duration initialDelay,
      @DefaultValue("PT15M") @NotNull Duration maxDelay,
      @DefaultValue("PT15M") @NotNull Duration window,
      @DefaultValue("20") @Positive int userWideFailures,
      @DefaultValue("P30D") @NotNull Duration trustWindow) {}

  /**
   * An administrator to create at start when the tenant has no account with that email (environment:
   * {@code VIGIL_AUTH_BOOTSTRAP_ADMIN_EMAIL}, {@code VIGIL_AUTH_BOOTSTRAP_ADMIN_PASSWORD}).
   *
   * @param tenant the administrator's tenant
   * @param email the login name; absent: no bootstrap
   * @param password the initial password; absent: no bootstrap
   */
  public record BootstrapAdmin(
      @DefaultValue("default") @NotBlank String tenant,
      @Nullable String email,
      @Nullable String password) {
    @Override
    public String toString() {
      return "BootstrapAdmin[tenant=" + tenant + ", configured=" + (email != null && password != null) + "]";
    }
  }

  @Override
  public String toString() {
    return "AuthSettings[accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
        + ", signingKey=" + (signingKey == null ? "absent" : "redacted") + ", signingKeyFile=" + signingKeyFile
        + ", trustForwardedHeaders=" + trustForwardedHeaders + ", challengeWithoutTotp=" + challengeWithoutTotp
        + "]";
  }
}
