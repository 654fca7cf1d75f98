package dev.vigil.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Keycloak server: the unpacked {@code keycloak-quarkus-dist} with the provider jar in {@code providers/},
 * started with {@code bin/kc.sh start-dev} on a free port with a fresh dev database, and an admin client for its
 * REST API (token of the bootstrap admin through {@code admin-cli}).
 */
final class KeycloakProcess implements AutoCloseable {
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "admin-it-password";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Duration startTime;

  private KeycloakProcess(Process process, int port, Duration startTime) {
    this.process = process;
    this.port = port;
    this.startTime = startTime;
  }

  /**
   * Installs the provider, starts Keycloak and waits until its master realm answers.
   *
   * @param options extra command-line options (SPI settings)
   */
  static KeycloakProcess start(Path home, Path providerJar, int port, int managementPort, List<String> options,
      Duration startLimit) throws IOException, InterruptedException {
    // Always a fresh copy: a build killed while Keycloak re-built itself for an unchanged jar left a broken build
    // that the next start trusted (EOFException in SerializedApplication); a new file makes it re-build.
    Files.copy(providerJar, home.resolve("providers").resolve("vigil-keycloak.jar"),
        StandardCopyOption.REPLACE_EXISTING);
    deleteTree(home.resolve("data")); // a fresh dev database: no realm of an earlier run
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
        "--http-port=" + port, "--http-management-port=" + managementPort, "--proxy-headers=xforwarded",
        "--hostname-strict=false"));
    command.addAll(options);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(home.resolveSibling("keycloak-it.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home")); // the JDK running the build (Temurin 25 here)
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    long started = System.nanoTime();
    Process process = builder.start();
    // A build killed mid-test must not leave Keycloak running.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }));
    KeycloakProcess keycloak = new KeycloakProcess(process, port, Duration.ZERO);
    long deadline = started + startLimit.toNanos();
    while (!keycloak.answers()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see "
            + home.resolveSibling("keycloak-it.log"));
      }
      if (System.nanoTime() > deadline) {
        keycloak.close();
        throw new IllegalStateException("Keycloak did not start within " + startLimit + "; see "
            + home.resolveSibling("keycloak-it.log"));
      }
      Thread.sleep(500);
    }
    return new KeycloakProcess(process, port, Duration.ofNanos(System.nanoTime() - started));
  }

  Duration startTime() {
    return startTime;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private boolean answers() {
    try {
      HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/master"))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Calls the admin REST API as the bootstrap admin; asserts a 2xx and returns the body as JSON (empty: {}). */
  JsonNode admin(String method, String path, Object body) {
    HttpResponse<String> response = adminCall(method, path, body);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
    try {
      return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> adminCall(String method, String path, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms" + path))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + adminToken());
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                : JSON.writeValueAsString(body)));
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String adminToken() throws IOException, InterruptedException {
    String form = "grant_type=password&client_id=admin-cli&username=" + ADMIN + "&password="
        + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("access_token").asText();
  }

  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
