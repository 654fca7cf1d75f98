package dev.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * The bearer secrets a client sends back — JWT access tokens and {@code selector.verifier} refresh tokens — on
 * fuzzer-made input: verification and parsing refuse what is not ours and never throw; no text but the token we
 * signed verifies, whatever is done to its header, claims or signature (alg {@code none}, another key, re-encoded
 * parts, extra dots, claims of the wrong type).
 *
 * <p>Regression mode (the seeds in {@code TokenFuzzTestInputs/}) in every build; to fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -B test -pl vigil-server -Dtest=TokenFuzzTest#<method> -Djazzer.max_duration=5m}
 * (docs/SECURITY.md, "Fuzzing").
 */
final class TokenFuzzTest {
  private static final byte[] KEY = "fuzz-signing-key-fuzz-signing-key-0123".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final AccessTokens TOKENS =
      new AccessTokens(KEY, "vigil", Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC));
  private static final String ISSUED =
      TOKENS.issue(new UUID(1, 2), "acme", new UUID(3, 4), Role.USER).token();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({"{\"alg\":\"none\"}", "{\"alg\":\"HS256\"}", "{\"alg\":\"HS512\"}", "\"sub\"", "\"tid\"",
      "\"sid\"", "\"exp\"", "\"iss\":\"vigil\"", "\"role\":\"ADMIN\"", "eyJ", "."})
  void onlyTheTokenWeSignedVerifies(FuzzedDataProvider data) {
    String token = switch (data.consumeInt(0, 4)) {
      // Arbitrary text.
      case 0 -> data.consumeRemainingAsString();
      // Our token with its header or claims replaced by fuzzer JSON, our signature kept.
      case 1 -> replacePart(ISSUED, data.consumeInt(0, 1), B64.encodeToString(
          data.consumeRemainingAsString().getBytes(StandardCharsets.UTF_8)));
      // Our token with some characters changed, inserted or removed.
      case 2 -> mutate(ISSUED, data);
      // Fuzzer header and claims signed with another key (a forger without ours).
      case 3 -> signed(data.consumeString(200), data.consumeRemainingAsString(),
          "another-key-another-key-another-key-0123".getBytes(StandardCharsets.UTF_8));
      // Fuzzer claims in an unsigned token (alg none), or with an empty signature.
      default -> B64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
          + B64.encodeToString(data.consumeRemainingAsString().getBytes(StandardCharsets.UTF_8)) + ".";
    };

    AccessTokens.Verification verification = TOKENS.verify(token);

    if (verification instanceof AccessTokens.Verification.Valid) {
      assertThat(token).as("a token we did not sign verified").isEqualTo(ISSUED);
    }
  }

  /**
   * Claims of any shape under our own key (as if a bug issued them): verification still ends in Valid, Expired
   * or Invalid — a subject that is not a UUID, a tenant that is a number, an expiry that is text never escape as
   * exceptions into the filter.
   */
  @FuzzTest(maxDuration = "5m")
  void anyClaimsUnderOurKeyVerifyOrAreRefusedWithoutThrowing(FuzzedDataProvider data) {
    String header = data.consumeBoolean() ? "{\"alg\":\"HS256\"}" : data.consumeString(100);
    String token = signed(header, data.consumeRemainingAsString(), KEY);

    AccessTokens.Verification verification = TOKENS.verify(token);

    assertThat(verification).isNotNull();
    if (verification instanceof AccessTokens.Verification.Valid valid) {
      assertThat(valid.tenantId()).isNotNull();
    }
  }

  /**
   * Refresh tokens and MFA challenge ids: parsing never throws, and a parsed token matches only its own hash. Not
   * null: the package is null-marked and the request records are validated {@code @NotBlank} before parsing.
   */
  @FuzzTest(maxDuration = "5m")
  void opaqueTokensParseOrAreRefusedAndNeverMatchAnotherVerifier(@NotNull String text) {
    var parsed = OpaqueToken.parse(text);

    if (parsed.isPresent()) {
      OpaqueToken token = parsed.get();
      assertThat(OpaqueToken.parse(token.text())).contains(token);
      assertThat(token.matches(OpaqueToken.generate().verifierHash())).isFalse();
    }
  }

  private static String replacePart(String token, int part, String replacement) {
    String[] parts = token.split("\\.", -1);
    parts[part] = replacement;
    return String.join(".", parts);
  }

  private static String mutate(String token, FuzzedDataProvider data) {
    StringBuilder text = new StringBuilder(token);
    int edits = data.consumeInt(1, 4);
    for (int i = 0; i < edits && text.length() > 0; i++) {
      int at = data.consumeInt(0, text.length() - 1);
      switch (data.consumeInt(0, 2)) {
        case 0 -> text.setCharAt(at, data.consumeChar());
        case 1 -> text.insert(at, data.consumeChar());
        default -> text.deleteCharAt(at);
      }
    }
    return text.toString();
  }

  /** HMAC-SHA-256 over the fuzzer's header and claims text, as a forger with {@code key} would send. */
  private static String signed(String header, String claims, byte[] key) {
    String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
