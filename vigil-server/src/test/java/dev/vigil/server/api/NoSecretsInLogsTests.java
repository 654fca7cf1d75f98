package dev.vigil.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.ServerTest;
import dev.vigil.server.TestTenant;
import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.support.LogCapture;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;

/**
 * Requests carrying a distinctive raw address, user agent, user id, device id and API key — accepted, repeated,
 * refused, malformed, throttled by nothing, read back — leave none of them in any log line, at DEBUG for Vigil's
 * own loggers; nor does an unexpected failure whose message quotes request data.
 */
@ServerTest
final class NoSecretsInLogsTests {
  private static final String IP = "203.0.113.77";
  private static final String USER_AGENT = "CanaryAgent/7.7 (canary-ua-4b1d)";
  private static final String USER = "canary-user-9f3e";
  private static final String DEVICE = "canary-device-71c2";
  private static final String FORGED_SECRET = "canarySecretThatMustNeverBeLoggedxxxxxxxxxx";

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  private LogCapture logs;
  private TestTenant tenant;

  @BeforeEach
  void captureLogs() {
    tenant = TestTenant.create(keys, port);
    logs = LogCapture.start();
  }

  @AfterEach
  void stopCapturing() {
    logs.close();
  }

  @Test
  void logsNoAddressUserAgentUserIdDeviceOrKey() throws Exception {
    String event = """
        {"eventId":"e-canary","userId":"%s","timestamp":"2026-11-01T03:00:00Z","outcome":"SUCCESS","ip":"%s",
         "userAgent":"%s","deviceId":"%s"}""".formatted(USER, IP, USER_AGENT, DEVICE);
    tenant.postJson("/api/v1/assess", event);
    tenant.postJson("/api/v1/assess", event);
    tenant.postJson("/api/v1/assess", event.replace("\"outcome\":\"SUCCESS\"",
        "\"outcome\":\"FAILURE\",\"failureReason\":\"BAD_PASSWORD\"").replace("e-canary", "e-canary-2"));
    tenant.postJson("/api/v1/assess", event.replace(IP, IP + ".9"));
    tenant.postJson("/api/v1/assess", event.substring(0, event.length() / 2));
    tenant.postJson("/api/v1/assess", event.replace("{", "{\"tenantId\":\"" + USER + "\","));
    tenant.postJson("/api/v1/assess", event.replace(USER, USER + "\\u0000"));
    tenant.get("/api/v1/users/" + USER + "/risk");
    tenant.get("/api/v1/users/" + USER + "/risk?limit=" + IP);
    String forged = "vgl_" + tenant.key().keyId() + "_" + FORGED_SECRET;
    TestTenant.send(HttpRequest.newBuilder(tenant.uri("/api/v1/assess")).header("Authorization", "Bearer " + forged)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event)));
    TestTenant.send(HttpRequest.newBuilder(tenant.uri("/api/v1/assess")).header("X-Api-Key", forged)
        .header("User-Agent", USER_AGENT).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(event)));
    new ProblemHandler().unexpected(new IllegalStateException("failed for " + USER,
        new DuplicateKeyException("Key (tenant_id, event_id)=(" + IP + ", " + DEVICE + ") already exists")));

    List<String> lines = logs.lines();
    assertThat(lines).as("something was logged at all").isNotEmpty();
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("correlation id"));
    String secret = tenant.secret();
    for (String canary : List.of(IP, USER_AGENT, "canary-ua", USER, DEVICE, tenant.key().key(), secret,
        FORGED_SECRET)) {
      assertThat(lines).as("log lines containing %s", canary).noneMatch(line -> line.contains(canary));
    }
  }
}
