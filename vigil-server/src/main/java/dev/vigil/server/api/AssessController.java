package dev.vigil.server.api;

import dev.vigil.server.engine.LoginPipeline;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/assess}: one login event in, its assessment out. The body is read as bytes and handed to
 * core's own parser, and the answer is core's own JSON, so the server's Jackson never touches engine types.
 */
@RestController
final class AssessController {
  private final LoginPipeline pipeline;
  private final int maxBodyBytes;

  AssessController(LoginPipeline pipeline, ApiSettings settings) {
    this.pipeline = pipeline;
    this.maxBodyBytes = settings.maxBodyBytes();
  }

  @PostMapping(path = "/api/v1/assess", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> assess(
      @RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength, InputStream body)
      throws IOException {
    if (contentLength != null && contentLength > maxBodyBytes) {
      throw new BodyTooLargeException(maxBodyBytes);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(pipeline.assess(readBounded(body)).json());
  }

  /** Reads at most {@code maxBodyBytes}, so a chunked body without a length cannot exhaust memory either. */
  private byte[] readBounded(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(maxBodyBytes + 1);
    if (bytes.length > maxBodyBytes) {
      throw new BodyTooLargeException(maxBodyBytes);
    }
    return bytes;
  }
}
