package dev.vigil.server.auth;

import static dev.vigil.server.auth.AuthClient.HOME;
import static dev.vigil.server.auth.AuthClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real attacker: THC Hydra's {@code http-post-form} module guesses passwords for several accounts (and one that
 * does not exist) against the built-in {@code /auth/login} of this test's server on localhost, 8 parallel tasks,
 * 12 passwords each — the right one for alice among them. Vigil must throttle it (429 before the right password
 * comes up, so Hydra finds nothing), detect it (a BRUTE_FORCE alert and incident) and let alice log in from her
 * known device at home while the attack runs. Bounded: 4 accounts x 12 passwords, 60 s at most.
 *
 * <p>Skipped when {@code /usr/bin/hydra} is missing and {@code CI} is unset; {@code .ci/run} installs it.
 */
@LoginServiceTest
final class HydraAttackTests {
  private static final Path HYDRA = Path.of("/usr/bin/hydra");

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @TempDir
  Path dir;

  @Test
  void hydraIsThrottledDetectedAndTheUserStillLogsInFromHerKnownDevice() throws Exception {
    boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
    assumeTrue(Files.isExecutable(HYDRA) || ci, "hydra test skipped: no " + HYDRA + " (apt-get install hydra); CI runs it");
    AuthClient client = new AuthClient(port, "t-" + UUID.randomUUID());
    tenant = client.tenant();
    List<String> accounts = List.of("alice@example.com", "bob@example.com", "carol@example.com");
    for (String account : accounts) {
      client.registered(account);
    }
    assertThat(client.login("alice@example.com", PASSWORD, HOME, "alice-laptop").statusCode()).isEqualTo(200);
    List<String> passwords = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      passwords.add("guess-" + i);
    }
    passwords.add(PASSWORD); // last, as in a real list: the throttle must already hold the attacker's network
    Files.write(dir.resolve("users.txt"), new ArrayList<>(List.of("alice@example.com", "bob@example.com",
        "carol@example.com", "nobody@example.com")), StandardCharsets.UTF_8);
    Files.write(dir.resolve("passwords.txt"), passwords, StandardCharsets.UTF_8);
    String form = "/auth/login:{\"tenantId\"\\:\"" + client.tenant()
        + "\",\"email\"\\:\"^USER^\",\"password\"\\:\"^PASS^\"}:H=Content-Type\\: application/json:S=access_token";

    Process hydra = new ProcessBuilder(HYDRA.toString(), "-I", "-t", "8", "-w", "10",
        "-L", dir.resolve("users.txt").toString(), "-P", dir.resolve("passwords.txt").toString(),
        "-s", Integer.toString(port), "127.0.0.1", "http-post-form", form)
        .redirectErrorStream(true).redirectOutput(dir.resolve("hydra.out").toFile()).start();
    // While Hydra runs, alice logs in at home on her laptop.
    List<Integer> aliceDuringAttack = new ArrayList<>();
    while (hydra.isAlive() && aliceDuringAttack.size() < 5) {
      HttpResponse<String> alice = client.login("alice@example.com", PASSWORD, HOME, "alice-laptop");
      aliceDuringAttack.add(alice.statusCode());
      Thread.sleep(100);
    }
    boolean finished = hydra.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      hydra.destroyForcibly();
    }
    String output = Files.readString(dir.resolve("hydra.out"));

    assertThat(finished).as("hydra finished within 60 s: %s", output).isTrue();
    assertThat(output).as("hydra found no password").contains("0 valid password");
    assertThat(aliceDuringAttack).as("alice's logins during the attack").isNotEmpty().containsOnly(200);
    assertThat(client.login("alice@example.com", PASSWORD, HOME, "alice-laptop").statusCode()).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM login_events WHERE tenant_id = ? AND outcome = 'FAILURE'"))
        .as("every guess was seen").isPositive();
    assertThat(count("""
            SELECT count(*) FROM login_throttle
             WHERE tenant_id = ? AND blocked_until IS NOT NULL AND source_key <> '*'"""))
        .as("the attacker's network is throttled").isPositive();
    assertThat(count("""
            SELECT count(*) FROM login_events e
             WHERE e.tenant_id = ? AND e.outcome = 'FAILURE' AND e.raw_event::text LIKE '%throttled%'"""))
        .as("attempts refused by the throttle (429)").isPositive();
    assertThat(count("""
            SELECT count(*) FROM security_alerts
             WHERE tenant_id = ? AND 'brute_force' = ANY(signal_types)"""))
        .as("the guessing raised a brute-force alert").isPositive();
    assertThat(count("""
            SELECT count(*) FROM incidents WHERE tenant_id = ? AND 'brute_force' = ANY(signal_types)"""))
        .as("and opened an incident").isPositive();
    assertThat(count("""
            SELECT count(*) FROM login_events e JOIN assessments a USING (tenant_id, event_id)
             WHERE e.tenant_id = ? AND e.outcome = 'SUCCESS' AND a.decision <> 'ALLOW'"""))
        .as("none of alice's own logins was challenged or denied").isZero();
  }

  private String tenant;

  private long count(String sql) {
    return jdbc.sql(sql).param(tenant).query(Long.class).single();
  }
}
