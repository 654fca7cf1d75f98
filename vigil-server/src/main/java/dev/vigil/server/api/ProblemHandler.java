package dev.vigil.server.api;

import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.format.UnknownFormatException;
import dev.vigil.server.access.ApiKeyRejectedException;
import dev.vigil.server.access.RateLimitedException;
import dev.vigil.server.access.UnknownTenantException;
import dev.vigil.server.account.AlertNotFoundException;
import dev.vigil.server.auth.AuthException;
import dev.vigil.server.auth.LoginThrottledException;
import dev.vigil.server.caller.InvalidRequestException;
import dev.vigil.server.caller.TenantNotFoundException;
import dev.vigil.server.engine.StoreUnavailableException;
import dev.vigil.server.incident.IncidentConflictException;
import dev.vigil.server.incident.IncidentNotFoundException;
import dev.vigil.server.notify.SecurityCriticalTopicException;
import dev.vigil.server.risk.UnknownUserException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one translator from exceptions to RFC 9457 {@code application/problem+json}. Spring MVC's own failures
 * (415, 405, 406, …) come from the base class with {@code type = about:blank}; Vigil's carry a stable type URI
 * under {@value #TYPE_BASE}. Messages echo only what the caller sent; logs get neither request data nor personal
 * data.
 */
@RestControllerAdvice
final class ProblemHandler extends ResponseEntityExceptionHandler {
  static final String TYPE_BASE = "https://vigil.dev/problems/";
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  /** The document as a whole is unreadable (not JSON, not one object): {@code field = "$"}. */
  private static final String WHOLE_DOCUMENT = "$";

  @ExceptionHandler
  ProblemDetail invalidEvent(InvalidEventException e) {
    String field = e.field();
    String message = messageWithoutField(e);
    boolean malformed = WHOLE_DOCUMENT.equals(field);
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, malformed ? "malformed-event" : "invalid-event",
        malformed ? "Malformed login event" : "Invalid login event",
        malformed ? "the body is not one JSON object: " + message : field + ": " + message);
    problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    return problem;
  }

  /** {@code ?format=} names no adapter; the detail lists the ones there are. */
  @ExceptionHandler
  ProblemDetail unknownFormat(UnknownFormatException e) {
    return problem(HttpStatus.BAD_REQUEST, "unknown-format", "Unknown event format", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail bodyTooLarge(BodyTooLargeException e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
        "the request body is larger than " + e.limitBytes() + " bytes");
  }

  /** No key, or a wrong one. Whether the key was unknown, revoked or mistyped is not told. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> apiKeyRejected(ApiKeyRejectedException e) {
    ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "API key required", e.missing()
        ? "send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"
        : "the API key is not valid");
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigil\"")
        .body(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
    long seconds = e.retryAfter().toSeconds();
    ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
        "this API key has used up its request budget; retry in " + seconds + " s");
    problem.setProperty("retryAfterSeconds", seconds);
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .body(problem);
  }

  /** Same answer whether the named tenant exists or not: a key cannot probe for other tenants. */
  @ExceptionHandler
  ProblemDetail unknownTenant(UnknownTenantException e) {
    return problem(HttpStatus.NOT_FOUND, "unknown-tenant", "Unknown tenant",
        "unknown tenant: an API key reaches only its own tenant's data");
  }

  @ExceptionHandler
  ProblemDetail unknownUser(UnknownUserException e) {
    return problem(HttpStatus.NOT_FOUND, "unknown-user", "Unknown user",
        "this tenant has no user with that id");
  }

  /** The login service's refusals; each carries its own status, type and neutral text. */
  @ExceptionHandler
  ProblemDetail auth(AuthException e) {
    AuthException.Problem kind = e.problem();
    return problem(HttpStatus.valueOf(kind.status()), kind.type(), kind.title(), kind.detail());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> loginThrottled(LoginThrottledException e) {
    ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-login-attempts",
        "Too many login attempts",
        "too many failed logins for this account from your network; retry after " + e.retryAfterSeconds() + " s");
    problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .body(problem);
  }

  /** Someone else's alert id looks exactly like one that does not exist. */
  @ExceptionHandler
  ProblemDetail alertNotFound(AlertNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "alert-not-found", "Alert not found",
        "you have no alert with this id");
  }

  /** Also for another tenant's event: the answer does not say whether the id exists elsewhere. */
  @ExceptionHandler
  ProblemDetail challengeNotPending(ChallengeNotPendingException e) {
    return problem(HttpStatus.NOT_FOUND, "challenge-not-pending", "No challenge to confirm", e.getMessage());
  }

  /** Another tenant named in an admin path: the same answer as a tenant that does not exist. */
  @ExceptionHandler
  ProblemDetail tenantNotFound(TenantNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail invalidRequest(InvalidRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
  }

  /** Also for another tenant's incident: the answer does not say whether the id exists elsewhere. */
  @ExceptionHandler
  ProblemDetail incidentNotFound(IncidentNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  /** A user tried to switch off a notification topic that protects their account. */
  @ExceptionHandler
  ProblemDetail securityCriticalTopic(SecurityCriticalTopicException e) {
    return problem(HttpStatus.BAD_REQUEST, "security-critical-topic", "Topic cannot be switched off",
        e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail incidentConflict(IncidentConflictException e) {
    return problem(HttpStatus.CONFLICT, "incident-conflict", "Conflicting change", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail tooManyEvents(TooManyEventsException e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Too many events in one batch",
        "a batch holds at most " + e.limit() + " events; split it");
  }

  /** Not stored, so not acknowledged: the caller sends it again later (safe: assessment is idempotent). */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException e) {
    ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Login not stored",
        e.getMessage() + "; nothing was acknowledged, send the same event(s) again");
    long seconds = Math.max(1, e.retryAfter().toSeconds());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * The database cannot be reached (an outage, an exhausted pool): 503 with {@code Retry-After} rather than a 500,
   * since the same request may well succeed shortly.
   */
  @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
    LOG.warn("database unavailable: {}", e.getClass().getSimpleName());
    ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
        "the database cannot be reached at the moment; try again later");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * Anything unforeseen: the caller gets a correlation id, the log gets the same id with the exception types and
   * stack frames but no messages — messages of driver and framework exceptions quote request data (a duplicate
   * key's values, a parse error's input), which must not reach the log.
   */
  @ExceptionHandler
  ProblemDetail unexpected(Exception e) {
    String correlationId = UUID.randomUUID().toString();
    LOG.error("unexpected failure, correlation id {}: {}", correlationId, FailureTrace.withoutMessages(e));
    ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal server error",
        "an unexpected error occurred; quote correlation id " + correlationId + " when reporting it");
    problem.setProperty("correlationId", correlationId);
    return problem;
  }

  /** A problem of Vigil's own: a stable type URI under {@value #TYPE_BASE}, a title, and the detail. */
  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  /** {@link InvalidEventException}'s message is {@code "field: message"}; the field is reported separately. */
  static String messageWithoutField(InvalidEventException e) {
    String text = String.valueOf(e.getMessage());
    String prefix = e.field() + ": ";
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }
}
