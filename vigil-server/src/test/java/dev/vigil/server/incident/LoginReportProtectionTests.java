package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.notify.AccountProtection;
import dev.vigil.server.support.InternalApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "No, secure my account" on a login-service account: logged out everywhere, frozen, a CONFIRMED incident. */
@IncidentServerTest
final class LoginReportProtectionTests {
  private static final String INCIDENTS = "/internal/risk/login/incidents";
  private static final String EMAIL = "frank@example.test";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys keys;

  @Autowired
  AccountProtection protection;

  private final String tenant = "t-" + UUID.randomUUID();

  @Test
  void aReportedLoginLogsTheUserOutEverywhereFreezesTheAccountAndOpensAConfirmedIncident() {
    InternalApi api = new InternalApi(port, tenant, keys, jdbc);
    String frank = api.registered(EMAIL);
    String laptop = api.loggedIn(EMAIL).path("access_token").asText();
    String phone = api.loggedIn(EMAIL).path("access_token").asText();
    String reported = jdbc.sql("SELECT event_id FROM login_events WHERE tenant_id = ? AND user_id = ? LIMIT 1")
        .param(tenant).param(frank).query(String.class).single();

    protection.loginReported(new AccountProtection.LoginReport(1, tenant, frank, reported, 1));

    assertThat(api.getWith(laptop, "/auth/me").status()).isEqualTo(401);
    assertThat(api.getWith(phone, "/auth/me").status()).isEqualTo(401);
    assertThat(api.login(EMAIL, InternalApi.PASSWORD, "81.2.69.160", "curl/8.5.0", "d").status())
        .as("frozen").isEqualTo(401);
    JsonNode incident = api.get(INCIDENTS + "?status=CONFIRMED").json().path("items").get(0);
    assertThat(incident.path("subject").asText()).isEqualTo("user:" + frank);
    JsonNode details = api.get(INCIDENTS + "/" + incident.path("id").asText()).json();
    assertThat(details.path("events")).extracting(e -> e.path("eventId").asText()).containsExactly(reported);
    assertThat(api.get("/internal/audit").json().path("items"))
        .filteredOn(e -> e.path("actor").asText().equals(frank))
        .extracting(e -> e.path("action").asText())
        .contains("enforce.force_logout", "enforce.freeze");
  }
}
