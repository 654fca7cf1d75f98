package dev.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class OpaqueTokenTest {
  @Test
  void parse_ownText_givesTheSameSelectorAndAMatchingVerifier() {
    OpaqueToken token = OpaqueToken.generate();

    OpaqueToken parsed = OpaqueToken.parse(token.text()).orElseThrow();

    assertThat(parsed.id()).isEqualTo(token.id());
    assertThat(parsed.matches(token.verifierHash())).isTrue();
  }

  @Test
  void matches_otherVerifierForTheSameSelector_isFalse() {
    OpaqueToken token = OpaqueToken.generate();
    OpaqueToken forged = new OpaqueToken(token.id(), OpaqueToken.generate().verifier());

    assertThat(forged.matches(token.verifierHash())).isFalse();
  }

  @Test
  void parse_garbage_isEmpty() {
    assertThat(OpaqueToken.parse("no-dot")).isEmpty();
    assertThat(OpaqueToken.parse("a.b")).isEmpty();
    assertThat(OpaqueToken.parse("!!.??")).isEmpty();
  }

  @Test
  void toString_hidesTheVerifier() {
    OpaqueToken token = OpaqueToken.generate();

    assertThat(token.toString()).doesNotContain(token.text().substring(token.text().indexOf('.') + 1));
  }
}
