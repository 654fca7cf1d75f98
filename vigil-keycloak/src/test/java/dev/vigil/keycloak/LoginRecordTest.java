package dev.vigil.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

final class LoginRecordTest {
  @Test
  void aSuccessFollowsVigilsEventContractWithoutAFailureReason() {
    LoginRecord login = new LoginRecord("kc-abc", "alice", Instant.parse("2026-11-23T10:00:00Z"), true, null,
        "81.2.69.160", "Mozilla/5.0", "acme", "app", null, "abc");

    assertThat(login.toJson()).isEqualTo("{\"eventId\":\"kc-abc\",\"userId\":\"alice\","
        + "\"timestamp\":\"2026-11-23T10:00:00Z\",\"outcome\":\"SUCCESS\",\"ip\":\"81.2.69.160\","
        + "\"userAgent\":\"Mozilla/5.0\",\"authMethod\":\"password\",\"sessionId\":\"abc\","
        + "\"attributes\":{\"source\":\"keycloak\",\"realm\":\"acme\",\"client\":\"app\"}}");
  }

  @Test
  void printsNoUserAddressOrAgent() {
    LoginRecord login = new LoginRecord("kc-abc", "alice", Instant.parse("2026-11-23T10:00:00Z"), false,
        "BAD_PASSWORD", "81.2.69.160", "Mozilla/5.0", "acme", "app", "invalid_user_credentials", null);

    assertThat(login.toString()).doesNotContain("alice", "81.2.69", "Mozilla");
  }
}
