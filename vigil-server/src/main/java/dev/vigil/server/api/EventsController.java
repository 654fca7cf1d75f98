package dev.vigil.server.api;

import dev.vigil.core.format.Format;
import dev.vigil.server.access.ApiCaller;
import dev.vigil.server.caller.InvalidRequestException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
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

  @PostMapping(path = "/api/v1/events", params = "!format",
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

  /**
   * {@code POST /api/v1/events?format=keycloak|auth0|okta|cloudtrail|sshd|ocsf}: a vendor's export or log as it
   * comes (JSON array, JSON lines, a CloudTrail file, auth.log lines; any content type), mapped to login events of
   * the key's tenant. Records that are not logins are answered {@code skipped}; {@code zone} (default UTC) is the
   * zone of yearless syslog times.
   */
  @PostMapping(path = "/api/v1/events", params = "format", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<EventResult>> ingestFormat(@AuthenticationPrincipal ApiCaller caller,
      @RequestParam("format") String format, @RequestParam(name = "zone", required = false) String zone,
      @RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength, InputStream body)
      throws IOException {
    Format vendorFormat = Format.parse(format);
    ZoneId zoneId = zoneOf(zone);
    if (contentLength != null && contentLength > maxBatchBytes) {
      throw new BodyTooLargeException(maxBatchBytes);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(ingest.ingest(caller.tenantId(), utf8(readBounded(body)), vendorFormat, zoneId));
  }

  private static ZoneId zoneOf(String zone) {
    if (zone == null || zone.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw new InvalidRequestException("zone: not a time zone id such as Europe/Berlin or +01:00");
    }
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
