package dev.vigil.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class FailureReasonsTest {
  @Test
  void anUnknownUsernameIsUnknownUser() {
    assertThat(FailureReasons.of("user_not_found", false)).isEqualTo("UNKNOWN_USER");
  }

  @Test
  void aWrongPasswordIsBadPassword() {
    assertThat(FailureReasons.of("invalid_user_credentials", false)).isEqualTo("BAD_PASSWORD");
  }

  @Test
  void aWrongCodeAtTheStepUpIsMfaFailedThoughKeycloakCallsItInvalidCredentialsToo() {
    assertThat(FailureReasons.of("invalid_user_credentials", true)).isEqualTo("MFA_FAILED");
  }

  @Test
  void disabledAccountsAreLocked() {
    assertThat(FailureReasons.of("user_disabled", false)).isEqualTo("LOCKED");
    assertThat(FailureReasons.of("user_temporarily_disabled", false)).isEqualTo("LOCKED");
  }

  @Test
  void anythingElseIsOther() {
    assertThat(FailureReasons.of("expired_code", false)).isEqualTo("OTHER");
    assertThat(FailureReasons.of(null, false)).isEqualTo("OTHER");
  }
}
