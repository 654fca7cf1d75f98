package dev.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class TotpTest {
  private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 appendix B, SHA-1 column; authenticator apps show the last six of its eight digits. */
  @ParameterizedTest
  @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
      "2000000000, 279037", "20000000000, 353130"})
  void code_rfc6238Vectors_match(long epochSecond, String expected) {
    assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(epochSecond)))).isEqualTo(expected);
  }

  @Test
  void verify_codeOfOneStepEitherSide_isAcceptedForDrift() {
    Instant now = Instant.ofEpochSecond(1_234_567_890);
    long step = Totp.step(now);

    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, -1)).hasValue(step - 1);
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, -1)).hasValue(step + 1);
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, -1)).isEmpty();
  }

  @Test
  void verify_codeOfAStepAlreadyUsed_isRefusedSoItCannotBeReplayed() {
    Instant now = Instant.ofEpochSecond(1_234_567_890);
    String code = Totp.code(RFC_SECRET, Totp.step(now));

    assertThat(Totp.verify(RFC_SECRET, code, now, Totp.step(now))).isEmpty();
  }

  @Test
  void verify_notSixDigits_isRefused() {
    Instant now = Instant.ofEpochSecond(59);

    assertThat(Totp.verify(RFC_SECRET, "94287082", now, -1)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, "28708a", now, -1)).isEmpty();
  }

  @Test
  void base32_rfc4648Vector_matchesWithoutPadding() {
    assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
  }

  @Test
  void uri_namesIssuerAccountAndSecretAsAuthenticatorsExpect() {
    assertThat(Totp.uri("Vigil", "a b@example.com", RFC_SECRET)).isEqualTo(
        "otpauth://totp/Vigil:a%20b%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Vigil"
            + "&algorithm=SHA1&digits=6&period=30");
  }
}
