package dev.vigil.server.auth;

import java.time.Duration;

/**
 * The tokens a successful login or refresh hands out.
 *
 * @param accessToken the JWT for {@code Authorization: Bearer}
 * @param accessExpiresIn its lifetime
 * @param refreshToken the opaque refresh token, usable once
 * @param refreshExpiresIn its lifetime
 */
record IssuedTokens(String accessToken, Duration accessExpiresIn, String refreshToken, Duration refreshExpiresIn) {
  @Override
  public String toString() {
    return "IssuedTokens[redacted]";
  }
}
