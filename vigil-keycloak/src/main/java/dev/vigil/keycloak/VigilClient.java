package dev.vigil.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Vigil's engine API over {@code java.net.http}: {@code POST /api/v1/assess} for one login. The API key travels
 * in {@code X-Api-Key} and is never part of an exception message or a log line.
 */
final class VigilClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final VigilEndpoint endpoint;
  private final HttpClient http;

  VigilClient(VigilEndpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(endpoint.timeout())
        .build();
  }

  /**
   * Assesses one login and waits at most the endpoint's timeout for the answer.
   *
   * @throws VigilUnavailableException when Vigil could not be reached in time or did not answer 200
   */
  Verdict assess(LoginRecord login) {
    HttpResponse<String> response = post(login);
    if (response.statusCode() != 200) {
      throw new VigilUnavailableException("Vigil answered HTTP " + response.statusCode());
    }
    try {
      return Verdict.of(JSON.readTree(response.body()));
    } catch (IOException | IllegalArgumentException e) {
      throw new VigilUnavailableException("Vigil's answer is not an assessment", e);
    }
  }

  /**
   * Records one login (its assessment is not needed), throwing when Vigil did not take it.
   *
   * @throws VigilUnavailableException when Vigil could not be reached in time or did not answer 200
   */
  void record(LoginRecord login) {
    HttpResponse<String> response = post(login);
    if (response.statusCode() != 200) {
      throw new VigilUnavailableException("Vigil answered HTTP " + response.statusCode());
    }
  }

  private HttpResponse<String> post(LoginRecord login) {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/api/v1/assess"))
        .timeout(endpoint.timeout())
        .header("Content-Type", "application/json")
        .header("X-Api-Key", endpoint.apiKey())
        .POST(HttpRequest.BodyPublishers.ofString(login.toJson(), StandardCharsets.UTF_8))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new VigilUnavailableException("Vigil unreachable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VigilUnavailableException("interrupted while calling Vigil", e);
    }
  }

  /**
   * What Vigil decided about a login.
   *
   * @param decision {@code ALLOW}, {@code CHALLENGE} or {@code DENY}
   * @param blocked whether the source is on the tenant's block list (then the login must be refused whatever the
   *     decision says)
   */
  record Verdict(String decision, boolean blocked, int score) {
    static Verdict of(JsonNode assessment) {
      String decision = assessment.path("decision").asText("");
      if (!decision.equals("ALLOW") && !decision.equals("CHALLENGE") && !decision.equals("DENY")) {
        throw new IllegalArgumentException("unknown decision: " + decision);
      }
      return new Verdict(decision, assessment.path("blocked").asBoolean(false), assessment.path("score").asInt());
    }
  }
}
