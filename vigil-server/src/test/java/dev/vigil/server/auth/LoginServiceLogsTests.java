package dev.vigil.server.auth;

import static dev.vigil.server.auth.AuthClient.body;
import static dev.vigil.server.auth.AuthClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.support.LogCapture;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole session of the login service — register, wrong password, unknown user, login, refresh, reuse of a
 * rotated refresh token, logout — leaves no password, access token, refresh token, email or raw address in any
 * log line, with Vigil's own loggers at DEBUG.
 */
@LoginServiceTest
final class LoginServiceLogsTests {
  private static final String PASSWORD = "canary-Password-5e1f-long-enough";
  private static final String WRONG = "canary-Wrong-77aa-long-enough";
  private static final String EMAIL = "canary-8d2c@example.com";
  private static final String IP = "198.18.77.231";

  @LocalServerPort
  int port;

  private LogCapture logs;

  @BeforeEach
  void captureLogs() {
    logs = LogCapture.start();
  }

  @AfterEach
  void stopCapturing() {
    logs.close();
  }

  @Test
  void logsNoPasswordTokenEmailOrAddress() {
    AuthClient client = new AuthClient(port, "t-" + UUID.randomUUID());
    assertThat(client.register(EMAIL, PASSWORD).statusCode()).isEqualTo(201);
    client.login(EMAIL, WRONG, IP);
    client.login("nobody-" + EMAIL, PASSWORD, IP);
    JsonNode tokens = json(client.login(EMAIL, PASSWORD, AuthClient.HOME));
    String access = tokens.path("access_token").asText();
    String refresh = tokens.path("refresh_token").asText();
    JsonNode rotated = json(client.post("/auth/refresh", null, body("refresh_token", refresh)));
    client.post("/auth/refresh", null, body("refresh_token", refresh));
    client.post("/auth/logout", rotated.path("access_token").asText(), body());

    List<String> lines = logs.lines();
    assertThat(lines).as("something was logged at all").isNotEmpty();
    assertThat(access).isNotBlank();
    assertThat(refresh).isNotBlank();
    for (String canary : List.of(PASSWORD, WRONG, EMAIL, IP, access, refresh,
        rotated.path("refresh_token").asText("absent-refresh"))) {
      assertThat(lines).as("log lines containing %s", canary).noneMatch(line -> line.contains(canary));
    }
  }
}
