package dev.vigil.keycloak;

import org.keycloak.events.Errors;
import org.jspecify.annotations.Nullable;

/** Keycloak's event error codes as Vigil's failure reasons ({@code BAD_PASSWORD}, {@code UNKNOWN_USER}, …). */
final class FailureReasons {
  private FailureReasons() {
  }

  /**
   * @param error the error of a {@code LOGIN_ERROR} event ({@code user_not_found}, {@code invalid_user_credentials},
   *     …); null when Keycloak gave none
   * @param atSecondFactor whether the failure happened at the OTP form the Vigil step showed: Keycloak reports a
   *     wrong code as {@code invalid_user_credentials} too, but for Vigil it is {@code MFA_FAILED}
   */
  static String of(@Nullable String error, boolean atSecondFactor) {
    if (error == null) {
      return "OTHER";
    }
    return switch (error) {
      case Errors.USER_NOT_FOUND, Errors.INVALID_USER -> "UNKNOWN_USER";
      case Errors.INVALID_USER_CREDENTIALS -> atSecondFactor ? "MFA_FAILED" : "BAD_PASSWORD";
      case Errors.USER_DISABLED, Errors.USER_TEMPORARILY_DISABLED -> "LOCKED";
      default -> "OTHER";
    };
  }
}
