package dev.vigil.server.auth;

import dev.vigil.server.api.ApiSettings;
import dev.vigil.server.auth.AuthApi.AccountResponse;
import dev.vigil.server.auth.AuthApi.CodeRequest;
import dev.vigil.server.auth.AuthApi.LoginRequest;
import dev.vigil.server.auth.AuthApi.MfaRequest;
import dev.vigil.server.auth.AuthApi.MfaRequiredResponse;
import dev.vigil.server.auth.AuthApi.RefreshRequest;
import dev.vigil.server.auth.AuthApi.RegisterRequest;
import dev.vigil.server.auth.AuthApi.RoleRequest;
import dev.vigil.server.auth.AuthApi.SessionView;
import dev.vigil.server.auth.AuthApi.TokenResponse;
import dev.vigil.server.auth.AuthApi.TotpEnrolmentResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The login service over HTTP ({@code docs/server.md}, "Built-in login service"). Translates HTTP to service
 * calls and results to bodies; refusals are exceptions mapped to problem+json by the one {@code ProblemHandler}.
 */
@RestController
final class AuthController {
  private final LoginService logins;
  private final SessionService sessions;
  private final AccountService accounts;
  private final ClientInfoResolver clients;
  private final String defaultTenant;

  AuthController(LoginService logins, SessionService sessions, AccountService accounts, ClientInfoResolver clients,
      ApiSettings api) {
    this.logins = logins;
    this.sessions = sessions;
    this.accounts = accounts;
    this.clients = clients;
    this.defaultTenant = api.defaultTenant();
  }

  @PostMapping("/auth/register")
  @ResponseStatus(HttpStatus.CREATED)
  AccountResponse register(@Valid @RequestBody RegisterRequest request) {
    return AccountResponse.of(accounts.register(tenant(request.tenantId()), request.email(), request.password()),
        false);
  }

  /** 200 with tokens, or 200 with {@code mfa_required} when the engine challenged the login. */
  @PostMapping("/auth/login")
  Object login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
    LoginResult result = logins.login(tenant(request.tenantId()), request.email(), request.password(),
        clients.resolve(http, request.deviceId()));
    return switch (result) {
      case LoginResult.Tokens tokens -> TokenResponse.of(tokens.tokens(), AlertView.of(tokens.alerts()));
      case LoginResult.MfaRequired required -> MfaRequiredResponse.of(required);
    };
  }

  @PostMapping("/auth/login/mfa")
  TokenResponse completeMfa(@Valid @RequestBody MfaRequest request, HttpServletRequest http) {
    LoginResult.Tokens tokens =
        logins.completeMfa(request.challengeId(), request.code(), clients.resolve(http, request.deviceId()));
    return TokenResponse.of(tokens.tokens(), AlertView.of(tokens.alerts()));
  }

  @PostMapping("/auth/refresh")
  TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
    return TokenResponse.of(sessions.refresh(request.refreshToken()), List.of());
  }

  @PostMapping("/auth/logout")
  ResponseEntity<Void> logout(@AuthenticationPrincipal AuthenticatedUser user) {
    sessions.logout(user);
    return ResponseEntity.noContent().build();
  }

  /**
   * The caller's own open sessions, newest first: when and where each began (masked address, browser) and which is
   * the one asking, so a user can spot a session that is not theirs before logging the others out.
   */
  @GetMapping("/auth/sessions")
  List<SessionView> sessions(@AuthenticationPrincipal AuthenticatedUser user) {
    return sessions.openSessions(user).stream()
        .map(open -> SessionView.of(open, open.id().equals(user.sessionId())))
        .toList();
  }

  /** {@code {"ended": n}}: the caller's other sessions are over, their refresh tokens revoked. */
  @PostMapping("/auth/sessions/logout-others")
  Map<String, Integer> logoutOthers(@AuthenticationPrincipal AuthenticatedUser user) {
    return Map.of("ended", sessions.logoutOthers(user));
  }

  @GetMapping("/auth/me")
  AccountResponse me(@AuthenticationPrincipal AuthenticatedUser user) {
    return AccountResponse.of(accounts.current(user), accounts.hasActiveTotp(user));
  }

  @PostMapping("/auth/totp/enroll")
  TotpEnrolmentResponse enrollTotp(@AuthenticationPrincipal AuthenticatedUser user) {
    SecondFactor.Enrolment enrolment = accounts.enrollTotp(user);
    return new TotpEnrolmentResponse(enrolment.secret(), enrolment.otpauthUri());
  }

  @PostMapping("/auth/totp/activate")
  ResponseEntity<Void> activateTotp(@AuthenticationPrincipal AuthenticatedUser user,
      @Valid @RequestBody CodeRequest request) {
    accounts.activateTotp(user, request.code());
    return ResponseEntity.noContent().build();
  }

  /** An administrator sets the role of an account of their own tenant; 404 for any other id. */
  @PutMapping("/admin/users/{userId}/role")
  ResponseEntity<Void> changeRole(@AuthenticationPrincipal AuthenticatedUser admin, @PathVariable UUID userId,
      @Valid @RequestBody RoleRequest request) {
    if (!accounts.changeRole(admin, userId, request.role())) {
      throw new AuthException(AuthException.Problem.ACCOUNT_NOT_FOUND);
    }
    return ResponseEntity.noContent().build();
  }

  private String tenant(@Nullable String requested) {
    return requested == null || requested.isBlank() ? defaultTenant : requested.strip();
  }
}
