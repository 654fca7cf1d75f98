package dev.vigil.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.VigilServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The provider in a real Keycloak (26.x, {@code start-dev}) talking to a real Vigil server (in this JVM, over
 * PostgreSQL: {@code VIGIL_TEST_JDBC_URL}, else embedded), and Vigil enforcing back through Keycloak's admin API.
 *
 * <p>The realm {@value #REALM} has the event listener {@code vigil} and a browser flow "cookie | (username/password
 * form → Vigil risk check)"; users have a month of logins from their home network and browser in Vigil. Source
 * networks are simulated with {@code X-Forwarded-For}. Keycloak's own brute-force protection stays off, so what
 * stops the attacker below is Vigil.
 */
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
final class KeycloakEndToEndIT {
  static final String REALM = "vigil-it";
  static final String APP = "app";
  static final String REDIRECT = "http://127.0.0.1/callback";
  static final String ENFORCER = "vigil-enforcer";
  static final String PASSWORD = "correct horse battery staple";
  static final String CAROL_OTP_SECRET = "vigil-it-otp-secret-0123";
  static final String HOME = "81.2.69.160";
  static final String CHROME_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
      + "Chrome/142.0.0.0 Safari/537.36";
  static final String FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 "
      + "Firefox/133.0";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static KeycloakProcess keycloak;
  static ConfigurableApplicationContext vigil;
  static String vigilUrl;
  static String apiKey;
  static String tenant;
  static long suiteStart;

  @BeforeAll
  static void startKeycloakAndVigil() throws Exception {
    suiteStart = System.nanoTime();
    String home = System.getProperty("vigil.keycloak.home", "");
    Path keycloakHome = Path.of(home.isEmpty() ? "target/keycloak/missing" : home);
    // Skipped only where the distribution could not be unpacked and this is not CI; in CI a missing Keycloak fails.
    assumeTrue(Files.isExecutable(keycloakHome.resolve("bin/kc.sh")) || System.getenv("CI") != null,
        "Keycloak distribution not unpacked at " + keycloakHome);
    Path provider = Path.of(System.getProperty("vigil.keycloak.provider"));
    int vigilPort = freePort();
    int keycloakPort = freePort();
    vigilUrl = "http://127.0.0.1:" + vigilPort;
    tenant = "kc-" + UUID.randomUUID().toString().substring(0, 8);
    apiKey = newApiKey();
    String enforcerSecret = UUID.randomUUID().toString();

    // Keycloak first: its start is the long one (tens of seconds to minutes), Vigil starts meanwhile.
    Thread keycloakStart = Thread.ofPlatform().start(() -> {
      try {
        keycloak = KeycloakProcess.start(keycloakHome, provider, keycloakPort, freePort(), List.of(
            "--spi-events-listener--vigil--url=" + vigilUrl,
            "--spi-events-listener--vigil--api-key=" + apiKey,
            "--spi-events-listener--vigil--timeout-ms=5000"), Duration.ofMinutes(12));
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    try {
      vigil = startVigil(vigilPort, keycloakPort, enforcerSecret);
    } finally {
      keycloakStart.join(); // so that @AfterAll stops a Keycloak that started even when Vigil did not
    }
    assertThat(keycloak).as("Keycloak started (see target/keycloak/keycloak-it.log)").isNotNull();
    System.out.printf("Keycloak started in %d s%n", keycloak.startTime().toSeconds());

    createRealm(enforcerSecret);
    createBrowserFlow();
    for (String user : List.of("alice", "carol")) {
      seedHabits(user);
    }
  }

  private static ConfigurableApplicationContext startVigil(int vigilPort, int keycloakPort, String enforcerSecret) {
    return SpringApplication.run(VigilServer.class,
        "--server.port=" + vigilPort,
        "--spring.datasource.url=" + System.getenv().getOrDefault("VIGIL_TEST_JDBC_URL", ""),
        "--vigil.embedded-db.dir=target/embedded-postgres/" + UUID.randomUUID(),
        "--vigil.embedded-db.ephemeral=true",
        "--vigil.privacy.hmac-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==",
        "--vigil.auth.signing-key-file=target/auth-keys/" + UUID.randomUUID() + "/jwt-signing.key",
        "--vigil.access.demo-key-file=target/demo-api-key-" + UUID.randomUUID(),
        "--vigil.access.bootstrap-keys=" + tenant + ":" + apiKey,
        "--vigil.enforce.adapter=keycloak",
        "--vigil.enforce.keycloak.base-url=http://127.0.0.1:" + keycloakPort,
        "--vigil.enforce.keycloak.realm=" + REALM,
        "--vigil.enforce.keycloak.client-id=" + ENFORCER,
        "--vigil.enforce.keycloak.client-secret=" + enforcerSecret,
        "--vigil.enforce.retry-interval=PT1S");
  }

  @AfterAll
  static void stop() {
    if (keycloak != null) {
      keycloak.close();
    }
    if (vigil != null) {
      vigil.close();
    }
    System.out.printf("Keycloak end-to-end suite took %d s%n", Duration.ofNanos(System.nanoTime() - suiteStart)
        .toSeconds());
  }

  @Test
  void stepsUpTheRightPasswordFromANewNetworkAndBrowserToKeycloaksOtpForm() {
    Browser travelling = new Browser(keycloak.baseUrl(), REALM, "203.0.113.51", FIREFOX_ON_WINDOWS);

    Browser.Page otpPage = travelling.logIn(APP, REDIRECT, "carol", PASSWORD);

    assertThat(otpPage.asksForOtp()).as("OTP form expected, got HTTP %d %s", otpPage.status(), otpPage.location())
        .isTrue();
    assertThat(latest("carol").path("decision").asText()).isEqualTo("CHALLENGE");
    Browser.Page wrongCode = travelling.submitOtp(otpPage, "000000".equals(Totp.code(CAROL_OTP_SECRET, Instant.now()))
        ? "111111" : "000000");
    assertThat(wrongCode.signedIn()).isFalse();
    assertThat(wrongCode.asksForOtp()).as("a wrong code shows the form again").isTrue();
    Browser.Page signedIn = travelling.submitOtp(wrongCode, Totp.code(CAROL_OTP_SECRET, Instant.now()));
    assertThat(signedIn.signedIn()).as("HTTP %d %s", signedIn.status(), signedIn.location()).isTrue();
    // The wrong code reached Vigil through the event listener as a failed second factor.
    awaitCondition("the failed OTP reached Vigil", () -> assessments("carol").stream()
        .anyMatch(a -> "MFA_FAILED".equals(a.path("failureReason").asText())));
  }

  @Test
  void deniesTheBruteForcingSourceWhileTheUserSignsInFromHerKnownDeviceAndEndsHerKeycloakSessions() {
    Browser atHome = new Browser(keycloak.baseUrl(), REALM, HOME, CHROME_ON_LINUX);
    Browser attacker = new Browser(keycloak.baseUrl(), REALM, "198.51.100.7", FIREFOX_ON_WINDOWS);
    assertThat(atHome.logIn(APP, REDIRECT, "alice", PASSWORD).signedIn()).as("alice at home before").isTrue();

    for (int attempt = 0; attempt < 6; attempt++) {
      assertThat(attacker.logIn(APP, REDIRECT, "alice", "guess-" + attempt).signedIn()).isFalse();
    }
    awaitCondition("the attacker's failures reached Vigil and it saw brute force", () -> assessments("alice").stream()
        .anyMatch(a -> a.path("signals").toString().contains("BRUTE_FORCE")));

    // Alice's own browser on her own network is not locked out by the attack...
    Browser aliceAgain = new Browser(keycloak.baseUrl(), REALM, HOME, CHROME_ON_LINUX);
    assertThat(aliceAgain.logIn(APP, REDIRECT, "alice", PASSWORD).signedIn()).as("alice at home during").isTrue();
    assertThat(latest("alice").path("decision").asText()).isEqualTo("ALLOW");
    assertThat(sessions("alice")).hasSize(2);

    // ...while the attacker, now holding the right password, is refused with the wrong-password message.
    Browser.Page refused = attacker.logIn(APP, REDIRECT, "alice", PASSWORD);
    assertThat(refused.signedIn()).isFalse();
    assertThat(refused.body()).contains("Invalid username or password");
    JsonNode denial = latest("alice");
    assertThat(denial.path("decision").asText()).isEqualTo("DENY");
    assertThat(denial.path("outcome").asText()).isEqualTo("SUCCESS");

    // The denial's incident carries FORCE_LOGOUT (and FREEZE): Vigil's Keycloak adapter ends her Keycloak sessions
    // and disables the account through the admin REST API.
    awaitCondition("alice's Keycloak sessions ended by Vigil", () -> sessions("alice").isEmpty());
    awaitCondition("alice disabled by Vigil", () -> !user("alice").path("enabled").asBoolean(true));
  }

  @Test
  void reportsFailuresOfUnknownUsersAsUnknownUser() {
    Browser prober = new Browser(keycloak.baseUrl(), REALM, "192.0.2.44", FIREFOX_ON_WINDOWS);

    assertThat(prober.logIn(APP, REDIRECT, "Mallory", "whatever").signedIn()).isFalse();

    awaitCondition("the unknown user's failure reached Vigil", () -> assessments("mallory").stream()
        .anyMatch(a -> "UNKNOWN_USER".equals(a.path("failureReason").asText())));
  }

  // --- Keycloak set-up through the admin REST API ---

  private static void createRealm(String enforcerSecret) {
    Map<String, Object> otp = Map.of("type", "otp", "userLabel", "phone",
        "secretData", "{\"value\":\"" + CAROL_OTP_SECRET + "\"}",
        "credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
    Map<String, Object> password = Map.of("type", "password", "value", PASSWORD, "temporary", false);
    keycloak.admin("POST", "", Map.of(
        "realm", REALM, "enabled", true, "sslRequired", "none", // plain HTTP from "external" addresses (X-Forwarded-For)
        "eventsListeners", List.of("jboss-logging", VigilEventListenerFactory.ID),
        "clients", List.of(
            Map.of("clientId", APP, "publicClient", true, "standardFlowEnabled", true,
                "redirectUris", List.of(REDIRECT)),
            Map.of("clientId", ENFORCER, "publicClient", false, "secret", enforcerSecret,
                "serviceAccountsEnabled", true, "standardFlowEnabled", false)),
        "users", List.of(
            user("alice", List.of(password)),
            user("carol", List.of(password, otp)),
            Map.of("username", "service-account-" + ENFORCER, "enabled", true, "serviceAccountClientId", ENFORCER,
                "clientRoles", Map.of("realm-management", List.of("manage-users", "view-users"))))));
  }

  private static Map<String, Object> user(String name, List<Map<String, Object>> credentials) {
    return Map.of("username", name, "enabled", true, "email", name + "@example.com", "emailVerified", true,
        "firstName", name, "lastName", "Example", "credentials", credentials);
  }

  /** cookie (alternative) | forms (alternative): username/password form, then the Vigil risk check. */
  private static void createBrowserFlow() {
    String flows = "/" + REALM + "/authentication/flows";
    keycloak.admin("POST", flows, Map.of("alias", "vigil-browser", "providerId", "basic-flow", "topLevel", true,
        "builtIn", false, "description", "browser login with Vigil's risk check"));
    keycloak.admin("POST", flows + "/vigil-browser/executions/execution", Map.of("provider", "auth-cookie"));
    keycloak.admin("POST", flows + "/vigil-browser/executions/flow", Map.of("alias", "vigil-forms",
        "type", "basic-flow", "provider", "registration-page-form", "description", "password, then Vigil"));
    keycloak.admin("POST", flows + "/vigil-forms/executions/execution",
        Map.of("provider", "auth-username-password-form"));
    keycloak.admin("POST", flows + "/vigil-forms/executions/execution",
        Map.of("provider", VigilRiskCheckFactory.ID));
    for (JsonNode execution : keycloak.admin("GET", flows + "/vigil-browser/executions", null)) {
      String requirement = switch (execution.path("providerId").asText(execution.path("displayName").asText())) {
        case "auth-cookie", "vigil-forms" -> "ALTERNATIVE";
        default -> execution.path("authenticationFlow").asBoolean() ? "ALTERNATIVE" : "REQUIRED";
      };
      ((com.fasterxml.jackson.databind.node.ObjectNode) execution).put("requirement", requirement);
      keycloak.admin("PUT", flows + "/vigil-browser/executions", execution.toString());
      if (VigilRiskCheckFactory.ID.equals(execution.path("providerId").asText())) {
        keycloak.admin("POST", "/" + REALM + "/authentication/executions/" + execution.path("id").asText() + "/config",
            Map.of("alias", "vigil", "config", Map.of("vigil.url", vigilUrl, "vigil.api-key", apiKey,
                "vigil.timeout-ms", "5000", "vigil.fail-mode", "closed")));
      }
    }
    keycloak.admin("PUT", "/" + REALM, Map.of("browserFlow", "vigil-browser"));
  }

  private static List<JsonNode> sessions(String username) {
    List<JsonNode> sessions = new ArrayList<>();
    keycloak.admin("GET", "/" + REALM + "/users/" + user(username).path("id").asText() + "/sessions", null)
        .forEach(sessions::add);
    return sessions;
  }

  private static JsonNode user(String username) {
    return keycloak.admin("GET", "/" + REALM + "/users?exact=true&username=" + username, null).get(0);
  }

  // --- Vigil ---

  /** A month of daily logins from home, at about this time of day, so that home is the user's known place. */
  private static void seedHabits(String user) throws IOException, InterruptedException {
    StringBuilder lines = new StringBuilder();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (int day = 30; day >= 1; day--) {
      lines.append(JSON.writeValueAsString(Map.of("eventId", "seed-" + user + "-" + day, "userId", user,
          "timestamp", now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(20)).toString(),
          "outcome", "SUCCESS", "ip", HOME, "userAgent", CHROME_ON_LINUX))).append('\n');
    }
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(vigilUrl + "/api/v1/events"))
        .header("X-Api-Key", apiKey).header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** The user's stored logins with their assessments, newest first (empty for a user Vigil never saw). */
  private static List<JsonNode> assessments(String user) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
              URI.create(vigilUrl + "/api/v1/users/" + user + "/risk?limit=100"))
          .header("X-Api-Key", apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return List.of();
      }
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      List<JsonNode> items = new ArrayList<>();
      JSON.readTree(response.body()).path("recentAssessments").forEach(items::add);
      return items;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode latest(String user) {
    List<JsonNode> items = assessments(user);
    assertThat(items).as("Vigil has logins of " + user).isNotEmpty();
    return items.getFirst();
  }

  private static void awaitCondition(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("still not true after 30 s: " + what).isLessThan(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String newApiKey() {
    SecureRandom random = new SecureRandom();
    byte[] id = new byte[8];
    byte[] secret = new byte[32];
    random.nextBytes(id);
    random.nextBytes(secret);
    return "vgl_" + HexFormat.of().formatHex(id) + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }
}
