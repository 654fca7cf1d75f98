package dev.vigil.server.auth;

import dev.vigil.server.alert.SecurityAlert;
import java.time.Duration;
import java.util.List;

/** How a login that got past the password ends: with tokens, or with a request for a TOTP code. */
sealed interface LoginResult {
  /** The alerts the login raised, shown in the response (empty on a clean login). */
  List<SecurityAlert> alerts();

  /** The login passed: here are the tokens. */
  record Tokens(IssuedTokens tokens, List<SecurityAlert> alerts) implements LoginResult {
    public Tokens {
      alerts = List.copyOf(alerts);
    }
  }

  /** The engine challenged the login: answer {@code challengeId} with a code at {@code POST /auth/login/mfa}. */
  record MfaRequired(String challengeId, Duration expiresIn, List<SecurityAlert> alerts) implements LoginResult {
    public MfaRequired {
      alerts = List.copyOf(alerts);
    }

    @Override
    public String toString() {
      return "MfaRequired[challengeId=redacted]";
    }
  }
}
