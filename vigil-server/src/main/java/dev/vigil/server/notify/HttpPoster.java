package dev.vigil.server.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs JSON and turns the answer into a {@link Delivery}: only a 2xx is delivered. Reasons name the channel, the
 * status code or the exception type, never the URL (a Slack webhook URL is a secret) or the response body.
 */
final class HttpPoster {
  private final HttpClient client;
  private final Duration timeout;

  HttpPoster(Duration timeout) {
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.timeout = timeout;
  }

  Delivery post(String what, URI uri, String json, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "Vigil-Notify/1")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    headers.forEach(request::setHeader);
    try {
      HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status >= 200 && status < 300 ? Delivery.delivered()
          : new Delivery.Failed(what + " answered HTTP " + status);
    } catch (HttpTimeoutException e) {
      return new Delivery.Failed(what + " timed out after " + timeout);
    } catch (IOException e) {
      return new Delivery.Failed(what + " unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Delivery.Failed(what + " send interrupted");
    }
  }
}
