package dev.vigil.server.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A real HTTP server (MockWebServer) standing in for Slack, a webhook receiver or PagerDuty: records every request
 * it accepts, and can be taken down (answers 503) and brought back. An optional check answers 400 to requests
 * that break the receiver's documented contract, as the real service would.
 */
public final class RecordingEndpoint implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final List<Request> accepted = new CopyOnWriteArrayList<>();
  private final List<Request> refused = new CopyOnWriteArrayList<>();
  private final int successCode;
  private final Function<Request, Boolean> contract;
  private volatile boolean down;
  private volatile long delayMillis;

  public RecordingEndpoint(int successCode, Function<Request, Boolean> contract) {
    this.successCode = successCode;
    this.contract = contract;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest recorded) {
        Request request = new Request(recorded.getTarget(), recorded.getHeaders().get("Vigil-Signature"),
            recorded.getHeaders().get("Vigil-Delivery-Id"), recorded.getHeaders().get("Content-Type"),
            recorded.getBody() == null ? "" : recorded.getBody().utf8());
        if (down) {
          refused.add(request);
          return new MockResponse.Builder().code(503).body("down for maintenance").build();
        }
        if (!contract.apply(request)) {
          refused.add(request);
          return new MockResponse.Builder().code(400).body("{\"status\":\"invalid event\"}").build();
        }
        accepted.add(request);
        return new MockResponse.Builder().code(successCode).body("ok")
            .headersDelay(delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS).build();
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI url(String path) {
    return server.url(path).uri();
  }

  void takeDown() {
    down = true;
  }

  /** Answers each accepted request only after this long, like a slow receiver. */
  void respondAfter(long millis) {
    delayMillis = millis;
  }

  void bringBack() {
    down = false;
  }

  /** Accepted requests whose body mentions {@code marker} (a test's tenant id), in arrival order. */
  public List<Request> acceptedWith(String marker) {
    return accepted.stream().filter(r -> r.body().contains(marker)).toList();
  }

  List<Request> refusedWith(String marker) {
    return refused.stream().filter(r -> r.body().contains(marker)).toList();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  public record Request(String target, String signature, String deliveryId, String contentType, String body) {}
}
