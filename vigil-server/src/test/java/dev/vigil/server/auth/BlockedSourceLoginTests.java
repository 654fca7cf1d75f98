package dev.vigil.server.auth;

import static dev.vigil.server.auth.AuthClient.HOME;
import static dev.vigil.server.auth.AuthClient.PASSWORD;
import static dev.vigil.server.auth.AuthClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.enforce.BlockList;
import dev.vigil.server.privacy.IpHasher;
import dev.vigil.server.support.Blocks;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A source incident response blocked for a tenant cannot log in to it, whatever the credentials. */
@LoginServiceTest
final class BlockedSourceLoginTests {
  private static final String BLOCKED = "81.2.69.99";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  IpHasher hasher;

  @Autowired
  BlockList blockList;

  private AuthClient client;
  private String alice;

  @BeforeEach
  void blockASource() {
    client = new AuthClient(port, "t-" + UUID.randomUUID());
    alice = client.registered("alice@example.com");
    new Blocks(jdbc, hasher, blockList).address(client.tenant(), BLOCKED);
  }

  @Test
  void aLoginFromABlockedSourceIsRefusedNeutrallyBeforeThePasswordIsChecked() {
    JsonNode refused = problem(client.login("alice@example.com", PASSWORD, BLOCKED), 403, "login-denied");

    assertThat(refused.path("detail").asText()).doesNotContainIgnoringCase("block");
    problem(client.login("alice@example.com", "wrong-password", BLOCKED), 403, "login-denied");
    assertThat(loginEventsOf(alice)).as("refused before the engine saw it").isZero();
    assertThat(client.login("alice@example.com", PASSWORD, HOME).statusCode()).as("another source")
        .isEqualTo(200);
  }

  @Test
  void theBlockHoldsOnlyForTheTenantThatBlockedTheSource() {
    AuthClient other = new AuthClient(port, "t-" + UUID.randomUUID());
    other.registered("alice@example.com");

    assertThat(other.login("alice@example.com", PASSWORD, BLOCKED).statusCode()).isEqualTo(200);
  }

  @Test
  void aBruteForceIsBlockedByIncidentResponseAndTheLoginServiceHonoursTheBlock() throws Exception {
    String attacker = "45.33.9.7";
    Instant deadline = Instant.now().plusSeconds(20);
    int guess = 0;
    while (client.login("alice@example.com", "guess-" + guess++, attacker).statusCode() != 403) {
      assertThat(Instant.now()).as("the brute-force incident's BLOCK takes effect").isBefore(deadline);
      Thread.sleep(20);
    }
    assertThat(blocksOf(client.tenant())).as("blocked by incident response").isEqualTo(1);

    problem(client.login("alice@example.com", PASSWORD, attacker), 403, "login-denied");
    client.registered("bob@example.com");
    problem(client.login("bob@example.com", PASSWORD, attacker), 403, "login-denied");
    assertThat(client.login("bob@example.com", PASSWORD, HOME).statusCode()).as("only that source").isEqualTo(200);
  }

  private long blocksOf(String tenantId) {
    return jdbc.sql("SELECT count(*) FROM ip_lists WHERE tenant_id = ? AND list = 'block' AND incident_id IS NOT NULL"
        + " AND removed_at IS NULL").param(tenantId).query(Long.class).single();
  }

  private long loginEventsOf(String userId) {
    return jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ? AND user_id = ?")
        .param(client.tenant()).param(userId).query(Long.class).single();
  }
}
