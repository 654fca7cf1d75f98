package dev.vigil.server.notify;

import dev.vigil.server.access.ApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/** Sends login events to the running server over HTTP, as an application's login handler would. */
final class Logins {
  static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
      + "Chrome/142.0.0.0 Safari/537.36";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String HOME_GEO =
      "{\"country\":\"DE\",\"city\":\"Berlin\",\"lat\":52.52,\"lon\":13.40,\"asn\":3320,\"asOrg\":\"Deutsche Telekom AG\"}";
  private static final String ABROAD_GEO =
      "{\"country\":\"BR\",\"city\":\"Sao Paulo\",\"lat\":-23.55,\"lon\":-46.63,\"asn\":28573,\"asOrg\":\"Claro\"}";

  private final int port;
  private final String tenant;
  private final String apiKey;

  /** Issues the tenant an API key, as its operator would, for the engine API calls. */
  Logins(ApiKeys keys, int port, String tenant) {
    this.port = port;
    this.tenant = tenant;
    this.apiKey = keys.issue(tenant, "notify-test").key();
  }

  /** Twelve daily logins from home in October, so the user has a history to differ from. */
  void habitual(String user) {
    for (int day = 1; day <= 12; day++) {
      send(user, user + "-home-" + day, Instant.parse("2026-10-%02dT09:00:00Z".formatted(day)), "SUCCESS",
          "81.2.69.160", CHROME, HOME_GEO);
    }
  }

  /** A successful login from another continent with a script's user agent: a new device, network and country. */
  void fromAbroad(String user, String eventId, Instant at) {
    send(user, eventId, at, "SUCCESS", "203.0.113.9", "curl/8.5.0", ABROAD_GEO);
  }

  /** A login from the usual place and browser: raises nothing. */
  void fromHome(String user, String eventId, Instant at) {
    send(user, eventId, at, "SUCCESS", "81.2.69.160", CHROME, HOME_GEO);
  }

  void send(String user, String eventId, Instant at, String outcome, String ip, String userAgent, String geo) {
    String json = """
        {"eventId":"%s","tenantId":"%s","userId":"%s","timestamp":"%s","outcome":"%s",%s"ip":"%s",
         "userAgent":"%s","geo":%s}""".formatted(eventId, tenant, user, at, outcome,
        outcome.equals("FAILURE") ? "\"failureReason\":\"BAD_PASSWORD\"," : "", ip, userAgent, geo);
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/api/v1/assess"))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + apiKey)
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("assess answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
