package dev.vigil.server.auth;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The login service's request and response bodies. Requests take camelCase (and snake_case aliases) as the design's
 * contract writes {@code tenantId}; responses are snake_case like the seed systems' {@code security_alerts} and
 * OAuth's {@code access_token}. Records with secrets print none.
 */
final class AuthApi {
  private AuthApi() {}

  record RegisterRequest(
      @JsonAlias("tenant_id") @Nullable @Size(max = 128) String tenantId,
      @NotBlank @Email @Size(max = 320) String email,
      @NotNull @Size(min = 8, max = 128) String password) {
    @Override
    public String toString() {
      return "RegisterRequest[redacted]";
    }
  }

  record LoginRequest(
      @JsonAlias("tenant_id") @Nullable @Size(max = 128) String tenantId,
      @NotBlank @Size(max = 320) String email,
      @NotNull @Size(max = 1024) String password,
      @JsonAlias("device_id") @Nullable String deviceId) {
    @Override
    public String toString() {
      return "LoginRequest[redacted]";
    }
  }

  record MfaRequest(
      @JsonAlias("challengeId") @JsonProperty("challenge_id") @NotBlank @Size(max = 200) String challengeId,
      @NotBlank @Size(max = 16) String code,
      @JsonAlias("device_id") @Nullable String deviceId) {
    @Override
    public String toString() {
      return "MfaRequest[redacted]";
    }
  }

  record RefreshRequest(
      @JsonAlias("refreshToken") @JsonProperty("refresh_token") @NotBlank @Size(max = 200) String refreshToken) {
    @Override
    public String toString() {
      return "RefreshRequest[redacted]";
    }
  }

  record CodeRequest(@NotBlank @Size(max = 16) String code) {}

  record RoleRequest(@NotNull Role role) {}

  /** Tokens, plus the alerts the login raised ({@code security_warnings} repeats them for PR #278's clients). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TokenResponse(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn,
      @JsonProperty("refresh_token") String refreshToken,
      @JsonProperty("refresh_expires_in") long refreshExpiresIn,
      @JsonProperty("security_alerts") @Nullable List<AlertView> securityAlerts,
      @JsonProperty("security_warnings") @Nullable List<AlertView> securityWarnings) {

    static TokenResponse of(IssuedTokens tokens, List<AlertView> alerts) {
      List<AlertView> shown = alerts.isEmpty() ? null : alerts;
      return new TokenResponse(tokens.accessToken(), "Bearer", tokens.accessExpiresIn().toSeconds(),
          tokens.refreshToken(), tokens.refreshExpiresIn().toSeconds(), shown, shown);
    }

    @Override
    public String toString() {
      return "TokenResponse[redacted]";
    }
  }

  /** The engine challenged the login: send a TOTP code with this id to {@code POST /auth/login/mfa}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MfaRequiredResponse(
      @JsonProperty("mfa_required") boolean mfaRequired,
      @JsonProperty("challenge_id") String challengeId,
      @JsonProperty("expires_in") long expiresIn,
      List<String> methods,
      @JsonProperty("security_alerts") @Nullable List<AlertView> securityAlerts,
      @JsonProperty("security_warnings") @Nullable List<AlertView> securityWarnings) {

    static MfaRequiredResponse of(LoginResult.MfaRequired required) {
      List<AlertView> alerts = required.alerts().isEmpty() ? null : AlertView.of(required.alerts());
      return new MfaRequiredResponse(true, required.challengeId(), required.expiresIn().toSeconds(),
          List.of("totp"), alerts, alerts);
    }

    @Override
    public String toString() {
      return "MfaRequiredResponse[redacted]";
    }
  }

  record AccountResponse(
      UUID id,
      @JsonProperty("tenant_id") String tenantId,
      String email,
      Role role,
      @JsonProperty("totp_enabled") boolean totpEnabled,
      @JsonProperty("created_at") Instant createdAt) {

    static AccountResponse of(Account account, boolean totpEnabled) {
      return new AccountResponse(account.id(), account.tenantId(), account.email(), account.role(), totpEnabled,
          account.createdAt());
    }
  }

  record TotpEnrolmentResponse(String secret, @JsonProperty("otpauth_uri") String otpauthUri) {
    @Override
    public String toString() {
      return "TotpEnrolmentResponse[redacted]";
    }
  }

  /** One open session in {@code GET /auth/sessions}. */
  record SessionView(
      UUID id,
      @JsonProperty("started_at") Instant startedAt,
      @JsonProperty("expires_at") Instant expiresAt,
      @Nullable String ip,
      @Nullable String device,
      boolean current) {

    static SessionView of(OpenSessions.OpenSession open, boolean current) {
      return new SessionView(open.id(), open.startedAt(), open.expiresAt(), open.ipMasked(), open.device(), current);
    }
  }
}
