package dev.vigil.server.auth;

import static dev.vigil.server.auth.AuthClient.HOME;
import static dev.vigil.server.auth.AuthClient.PASSWORD;
import static dev.vigil.server.auth.AuthClient.body;
import static dev.vigil.server.auth.AuthClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Brute-force throttling bound to (tenant, user, source network): it slows the attacker's network down and
 * cannot be used to lock the user out of their own network or device.
 */
@LoginServiceTest
final class ThrottleApiTests {
  private static final String ATTACKER = "45.33.1.";

  @LocalServerPort
  int port;

  @Autowired
  TestClock clock;

  @Autowired
  JdbcClient jdbc;

  private AuthClient client;

  /**
   * A tenant whose incident response may not block sources: a brute force here opens an incident that would
   * block the attacker's network ({@code BlockedSourceLoginTests}), and these tests are about the throttle alone.
   */
  @BeforeEach
  void newTenant() {
    client = new AuthClient(port, "t-" + UUID.randomUUID());
    String admin = client.registered("admin@example.com");
    jdbc.sql("UPDATE users SET role = 'ADMIN' WHERE id = ?::uuid").param(admin).update();
    String token = client.loggedIn("admin@example.com").path("access_token").asText();
    HttpResponse<String> flags = client.put("/admin/tenants/" + client.tenant() + "/flags", token,
        body("allowedActions", List.of("REQUIRE_MFA", "FORCE_LOGOUT", "FREEZE", "PAGE")));
    assertThat(flags.statusCode()).as(flags.body()).isEqualTo(200);
  }

  @Test
  void afterFiveFailuresANetworkWaitsOneSecondThenDoublingWithRetryAfter() {
    client.registered("alice@example.com");
    failFrom(ATTACKER + "7", 5);

    HttpResponse<String> throttled = client.login("alice@example.com", PASSWORD, ATTACKER + "8");

    JsonNode problem = problem(throttled, 429, "too-many-login-attempts");
    assertThat(throttled.headers().firstValue("Retry-After")).as("even the right password waits").hasValue("1");
    assertThat(problem.path("retryAfterSeconds").asLong()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    problem(client.login("alice@example.com", "wrong-password", ATTACKER + "7"), 401, "invalid-credentials");
    assertThat(client.login("alice@example.com", PASSWORD, ATTACKER + "7").headers().firstValue("Retry-After"))
        .hasValue("2");
  }

  @Test
  void afterTheWaitThePasswordIsCheckedAgain() {
    client.registered("alice@example.com");
    failFrom(ATTACKER + "7", 5);

    clock.advance(Duration.ofSeconds(1));

    problem(client.login("alice@example.com", "wrong-again", ATTACKER + "7"), 401, "invalid-credentials");
  }

  @Test
  void failuresFromElsewhereNeverThrottleTheUsersOwnNetwork() {
    client.registered("alice@example.com");
    client.loggedIn("alice@example.com");
    failFrom(ATTACKER + "7", 12);
    problem(client.login("alice@example.com", PASSWORD, ATTACKER + "7"), 429, "too-many-login-attempts");

    HttpResponse<String> home = client.login("alice@example.com", PASSWORD, HOME);

    assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
  }

  /**
   * The throttle lets the known device through to the password check; what the engine then decides about a
   * success on a network that just failed eight times is the engine's call (it denies it as success-after-failures
   * for that source's window), recorded as an assessed success.
   */
  @Test
  void aDeviceTheUserLoggedInWithIsNotThrottledOnTheAttackersNetwork() {
    String alice = client.registered("alice@example.com");
    assertThat(client.login("alice@example.com", PASSWORD, HOME, "alice-laptop").statusCode()).isEqualTo(200);
    failFrom(ATTACKER + "7", 8);
    problem(client.login("alice@example.com", PASSWORD, ATTACKER + "99", "other-device"), 429,
        "too-many-login-attempts");

    // Alice takes her laptop to the café the attacker sits in.
    HttpResponse<String> laptop = client.login("alice@example.com", PASSWORD, ATTACKER + "99", "alice-laptop");

    assertThat(laptop.statusCode()).as(laptop.body()).isNotEqualTo(429);
    assertThat(successesOf(alice)).as("the password was checked and the success assessed").isEqualTo(2);
  }

  @Test
  void aDeviceTheUserLoggedInWithPassesTheUserWideThrottleOnANewNetwork() {
    client.registered("alice@example.com");
    assertThat(client.login("alice@example.com", PASSWORD, HOME, "alice-laptop").statusCode()).isEqualTo(200);
    spreadFailures();
    problem(client.login("alice@example.com", PASSWORD, "91.198.174.1"), 429, "too-many-login-attempts");

    HttpResponse<String> laptop = client.login("alice@example.com", PASSWORD, "91.198.174.1", "alice-laptop");

    assertThat(laptop.statusCode()).as(laptop.body()).isNotEqualTo(429);
  }

  @Test
  void distributedGuessingSlowsDownUnfamiliarNetworksButNotTheUsersOwn() {
    client.registered("alice@example.com");
    client.loggedIn("alice@example.com");
    spreadFailures();

    problem(client.login("alice@example.com", PASSWORD, "45.34.0.1"), 429, "too-many-login-attempts");
    assertThat(client.login("alice@example.com", PASSWORD, HOME).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownUsersAreThrottledLikeKnownOnesSoTheThrottleRevealsNoAccount() {
    failFrom("nobody@example.com", ATTACKER + "7", 5);

    problem(client.login("nobody@example.com", PASSWORD, ATTACKER + "7"), 429, "too-many-login-attempts");
  }

  /**
   * Keycloak #31726: fifty wrong passwords sent at once from one network. Each attempt is counted under a row lock
   * before its password is checked, so exactly five (the threshold) reach the password check and are assessed as
   * BAD_PASSWORD; the other 45 wait (429) — the counter never races past the limit.
   */
  @Test
  void fiftyConcurrentGuessesFromOneNetworkCannotRacePastTheThreshold() throws Exception {
    String alice = client.registered("alice@example.com");

    List<Integer> statuses = concurrently(50, i -> client.login("alice@example.com", "wrong-" + i, ATTACKER + (i % 200 + 1)));

    assertThat(statuses).containsOnly(401, 429);
    assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(5);
    assertThat(jdbc.sql("""
            SELECT count(*) FROM login_events
             WHERE tenant_id = ? AND user_id = ? AND failure_reason = 'BAD_PASSWORD'""")
        .param(client.tenant()).param(alice).query(Long.class).single()).isEqualTo(5);
    assertThat(jdbc.sql("SELECT failures FROM login_throttle WHERE tenant_id = ? AND user_key = ? AND source_key <> '*'")
        .param(client.tenant()).param(alice).query(Integer.class).single()).isEqualTo(5);
  }

  /**
   * Keycloak #46164 under fire: while fifty concurrent guesses hit the account from the attacker's network, the
   * user logs in from her own network and from her known device on a new network; neither is slowed down.
   */
  @Test
  void aConcurrentAttackFromOneNetworkNeverLocksTheUserOutOfHerKnownDevice() throws Exception {
    client.registered("alice@example.com");
    assertThat(client.login("alice@example.com", PASSWORD, HOME, "alice-laptop").statusCode()).isEqualTo(200);

    List<Integer> statuses = concurrently(51, i -> i == 25
        ? client.login("alice@example.com", PASSWORD, HOME, "alice-laptop")
        : client.login("alice@example.com", "wrong-" + i, ATTACKER + "7"));

    assertThat(statuses.get(25)).as("the user at home during the attack").isEqualTo(200);
    assertThat(client.login("alice@example.com", PASSWORD, HOME, "alice-laptop").statusCode()).isEqualTo(200);
    HttpResponse<String> travelling = client.login("alice@example.com", PASSWORD, "91.198.174.1", "alice-laptop");
    assertThat(travelling.statusCode()).as(travelling.body()).isNotEqualTo(429);
    problem(client.login("alice@example.com", PASSWORD, ATTACKER + "8"), 429, "too-many-login-attempts");
  }

  /**
   * A right password gives its reserved failure back: after four mistakes it leaves the counter at four (or clears
   * it, when the engine lets the login in) — never at five, which would hold the network.
   */
  @Test
  void aRightPasswordDoesNotCountAsAFailure() {
    String alice = client.registered("alice@example.com");
    failFrom(ATTACKER + "7", 4);

    assertThat(client.login("alice@example.com", PASSWORD, ATTACKER + "7").statusCode()).isNotEqualTo(429);

    assertThat(jdbc.sql("""
            SELECT coalesce(max(failures), 0) FROM login_throttle
             WHERE tenant_id = ? AND user_key = ? AND source_key <> '*'""")
        .param(client.tenant()).param(alice).query(Integer.class).single()).isIn(0, 4);
    assertThat(client.login("alice@example.com", "wrong-again", ATTACKER + "7").statusCode()).isEqualTo(401);
  }

  private static List<Integer> concurrently(int requests, java.util.function.IntFunction<HttpResponse<String>> send)
      throws Exception {
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < requests; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          start.await();
          return send.apply(index).statusCode();
        }));
      }
      start.countDown();
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var future : futures) {
        statuses.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      return statuses;
    }
  }

  /** One guess from each of twenty networks: no network reaches its own threshold. */
  private void spreadFailures() {
    for (int network = 1; network <= 20; network++) {
      problem(client.login("alice@example.com", "guess-" + network, "45.33." + network + ".1"), 401,
          "invalid-credentials");
    }
  }

  private long successesOf(String userId) {
    return jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ? AND user_id = ? AND outcome = 'SUCCESS'")
        .param(client.tenant()).param(userId).query(Long.class).single();
  }

  private void failFrom(String ip, int times) {
    failFrom("alice@example.com", ip, times);
  }

  private void failFrom(String email, String ip, int times) {
    for (int i = 0; i < times; i++) {
      HttpResponse<String> response = client.login(email, "wrong-" + i, ip);
      assertThat(response.statusCode()).as(response.body()).isIn(401, 429);
    }
  }
}
