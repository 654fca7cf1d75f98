package dev.vigil.server.api;

import dev.vigil.server.access.ApiCaller;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events}: a batch of login events (a JSON array, or JSON lines as
 * {@code application/x-ndjson}) in, one result per event out, after every valid event is stored. The events belong
 * to the API key's tenant.
 */
@RestController
final class EventsController {
  static final String NDJSON = "application/x-ndjson";
  static final String JSONL = "application/jsonl";

  private final BatchIngest ingest;
  private final int maxBatchBytes;

  EventsController(BatchIngest ingest, ApiSettings settings) {
    this.ingest = ingest;
    this.maxBatchBytes = settings.maxBatchBytes();
  }

  @PostMapping(path = "/api/v1/events",
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json", NDJSON, JSONL},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<EventResult>> ingest(@AuthenticationPrincipal ApiCaller caller,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
      @RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength, InputStream body)
      throws IOException {
    if (contentLength != null && contentLength > maxBatchBytes) {
      throw new BodyTooLargeException(maxBatchBytes);
    }
    BatchIngest.Format format = contentType.isCompatibleWith(MediaType.parseMediaType(NDJSON))
        || contentType.isCompatibleWith(MediaType.parseMediaType(JSONL))
        ? BatchIngest.Format.JSON_LINES : BatchIngest.Format.JSON_ARRAY;
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ingest.ingest(caller.tenantId(), utf8(readBounded(body)), format));
  }

  private static byte[] utf8(byte[] body) {
    EventContent.requireUtf8(body);
    return body;
  }

  /** Reads at most {@code maxBatchBytes}, so a chunked body without a length cannot exhaust memory either. */
  private byte[] readBounded(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(maxBatchBytes + 1);
    if (bytes.length > maxBatchBytes) {
      throw new BodyTooLargeException(maxBatchBytes);
    }
    return bytes;
  }
}
