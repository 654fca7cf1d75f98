package dev.vigil.server.api;

import dev.vigil.core.event.EventLimits;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.server.access.ApiCaller;
import dev.vigil.server.enforce.BlockList;
import dev.vigil.server.engine.LoginPipeline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/assess}: one login event in, its assessment out. The body is read as bytes and handed to
 * core's own parser, and the answer is core's own JSON, so the server's Jackson never touches engine types. The
 * event belongs to the API key's tenant: a missing {@code tenantId} is filled with it, another one is refused.
 *
 * <p>A login from a source incident response blocked for the tenant ({@link BlockList}) is still assessed and
 * stored — the engine keeps learning, and analysts see the attempt — but the answer carries
 * {@code "blocked": true}, which the caller must treat as a denial whatever {@code decision} says
 * ({@link BlockedSource}).
 *
 * <p>When the login cannot be stored, {@code vigil.assess.on-store-failure} ({@link AssessSettings}) decides:
 * 503 (fail-closed, the default) or the engine's answer marked {@code "degraded":true,"stored":false} (fail-open).
 */
@RestController
@Tag(name = "engine")
final class AssessController {
  private final LoginPipeline pipeline;
  private final BlockList blocks;
  private final int maxBodyBytes;
  private final AssessSettings onFailure;
  private final Clock clock;

  AssessController(LoginPipeline pipeline, BlockList blocks, ApiSettings settings, AssessSettings onFailure,
      Clock clock) {
    this.pipeline = pipeline;
    this.blocks = blocks;
    this.maxBodyBytes = settings.maxBodyBytes();
    this.onFailure = onFailure;
    this.clock = clock;
  }

  @Operation(summary = "Assess one login",
      description = "Synchronous, idempotent on (tenant, eventId): the same eventId again returns the first "
          + "assessment. The event is stored with its assessment before the answer leaves. When the event's ip "
          + "is on the tenant's block list (incident response), the answer also carries \"blocked\": true: "
          + "refuse the login whatever the decision says.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
          description = "one login event (DESIGN.md §3); at most vigil.api.max-body-bytes",
          content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"),
              examples = @ExampleObject(value = OpenApiConfiguration.LOGIN_EVENT_EXAMPLE))),
      responses = {
          @ApiResponse(responseCode = "200", description = "the assessment", content = @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"),
              examples = @ExampleObject(value = OpenApiConfiguration.ASSESSMENT_EXAMPLE))),
          @ApiResponse(responseCode = "400", ref = OpenApiConfiguration.PROBLEM),
          @ApiResponse(responseCode = "401", ref = OpenApiConfiguration.PROBLEM),
          @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.PROBLEM),
          @ApiResponse(responseCode = "413", ref = OpenApiConfiguration.PROBLEM),
          @ApiResponse(responseCode = "415", ref = OpenApiConfiguration.PROBLEM),
          @ApiResponse(responseCode = "429", ref = OpenApiConfiguration.PROBLEM)})
  @PostMapping(path = "/api/v1/assess", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> assess(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
      @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false)
      Long contentLength,
      @Parameter(hidden = true) InputStream body) throws IOException {
    if (contentLength != null && contentLength > maxBodyBytes) {
      throw new BodyTooLargeException(maxBodyBytes);
    }
    byte[] bytes = readBounded(body);
    EventContent.requireUtf8(bytes);
    LoginEvent event = LoginEventReader.withDefaultTenant(caller.tenantId(), clock).read(bytes, 0, bytes.length);
    caller.requireOwnTenant(event.tenantId());
    boolean blocked = isBlocked(event);
    String assessment = onFailure.failOpen()
        ? pipeline.assessFailOpen(event, onFailure.degradeAfter()).json()
        : pipeline.assess(event).json();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(blocked ? BlockedSource.mark(assessment) : assessment);
  }

  @Operation(summary = "Confirm a challenged login",
      description = "Tell the engine that the user passed the challenge of a login it challenged (your second "
          + "factor succeeded): the login then teaches the user's profile in full, so the same device and place "
          + "are familiar next time. Without it a challenged login teaches only challengedLearnWeight, and the "
          + "owner is challenged again on the next visit. Call it only after the user proved it was them; never for "
          + "a challenge that failed or was abandoned. The engine remembers the last idempotencyCacheSize "
          + "challenged logins; confirming one twice, an allowed one or an unknown one answers 404.",
      responses = {
          @ApiResponse(responseCode = "200", description = "the engine learned the login", content = @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"),
              examples = @ExampleObject(value = "{\"eventId\":\"e-1001\",\"confirmed\":true}"))),
          @ApiResponse(responseCode = "401", ref = OpenApiConfiguration.PROBLEM),
          @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.PROBLEM),
          @ApiResponse(responseCode = "429", ref = OpenApiConfiguration.PROBLEM)})
  @PostMapping(path = "/api/v1/assessments/{eventId}/confirm", produces = MediaType.APPLICATION_JSON_VALUE)
  Confirmation confirm(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
      @PathVariable String eventId) {
    if (eventId.length() > EventLimits.MAX_STRING_LENGTH || !pipeline.confirm(caller.tenantId(), eventId)) {
      throw new ChallengeNotPendingException();
    }
    return new Confirmation(eventId, true);
  }

  /** The answer to a confirmation. */
  record Confirmation(String eventId, boolean confirmed) {}

  /**
   * Under fail-open a block list the database cannot be asked about blocks nothing (the answer is degraded then);
   * under fail-closed the failure is a 503 like the store's.
   */
  private boolean isBlocked(LoginEvent event) {
    if (onFailure.failOpen() && pipeline.heldLogins() > 0) {
      return false; // a known outage: do not wait for the connection timeout on every login
    }
    try {
      return blocks.isBlocked(event.tenantId(), event.ip());
    } catch (DataAccessException e) {
      if (onFailure.failOpen()) {
        return false;
      }
      throw e;
    }
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
